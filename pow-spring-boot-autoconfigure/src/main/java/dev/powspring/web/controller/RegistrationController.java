package dev.powspring.web.controller;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import dev.powspring.event.PowAuthEventType;
import dev.powspring.session.SignInMethod;
import dev.powspring.session.PowCurrentUser;
import dev.powspring.user.PowUser;
import dev.powspring.user.UserParams;
import dev.powspring.user.UserResult;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireAuthenticated;
import dev.powspring.web.guard.RequireNotAuthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registration, and the signed-in user's account: edit, update, delete.
 */
@Controller
@PowController
@RequestMapping("/registration")
@CsrfProtected
public class RegistrationController extends PowControllerSupport {

	/** The sign-up page's template. */
	public static final String NEW_VIEW = "pow/registration/new";

	/** The account page's template. */
	public static final String EDIT_VIEW = "pow/registration/edit";

	private static final Log logger = LogFactory.getLog(RegistrationController.class);

	private static final String ERRORS_ATTRIBUTE = BindingResult.MODEL_KEY_PREFIX + "user";

	private final List<String> userFields;

	private boolean signUpEnabled = true;

	private List<UserFieldInput> userFieldInputs;

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param userFields the application's own user properties the forms may set
	 */
	public RegistrationController(Collaborators collaborators, List<String> userFields) {
		super(collaborators);
		this.userFields = List.copyOf(userFields);
		this.userFieldInputs = this.userFields.stream().map((name) -> new UserFieldInput(name, "text")).toList();
	}

	/**
	 * Set the user entity, so that the forms offer each of the application's own fields
	 * with an input for its type.
	 * @param userClass the user entity
	 */
	public void setUserClass(Class<? extends PowUser> userClass) {
		BeanWrapper wrapper = new BeanWrapperImpl(userClass);
		this.userFieldInputs = this.userFields.stream()
			.map((name) -> new UserFieldInput(name,
					"email".equals(name) ? "email" : UserFieldInput.inputType(wrapper.getPropertyType(name))))
			.toList();
	}

	/**
	 * Give the forms the application's own fields ({@code pow.user-fields}) to show.
	 * @return the fields, in the configured order
	 */
	@ModelAttribute("powUserFields")
	public List<UserFieldInput> userFieldInputs() {
		return this.userFieldInputs;
	}

	/**
	 * Tell the account page whether the signed-in user has a password to confirm changes
	 * with; a user without one (signing in by mailed links) sees no such field.
	 * @param request the request
	 * @return {@code false} for a signed-in user without a password
	 */
	@ModelAttribute("powUserHasPassword")
	public boolean userHasPassword(HttpServletRequest request) {
		return PowCurrentUser.get(request).map((user) -> user.getPasswordHash() != null).orElse(true);
	}

	/**
	 * Set whether people can sign up ({@code pow.registration.enabled}); when not, the
	 * sign-up form and its POST answer 404.
	 * @param signUpEnabled whether sign-up is open
	 */
	public void setSignUpEnabled(boolean signUpEnabled) {
		this.signUpEnabled = signUpEnabled;
	}

	/**
	 * Show the sign-up form.
	 */
	@GetMapping("/new")
	@RequireNotAuthenticated
	public String newRegistration(Model model) {
		requireSignUpOpen();
		model.addAttribute("user", new UserParams());
		return NEW_VIEW;
	}

	/**
	 * Register, and sign the new user in.
	 */
	@PostMapping
	@RequireNotAuthenticated
	public String create(@ModelAttribute("user") UserParams params, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes, Model model) {
		requireSignUpOpen();
		return perform(context(PowAction.REGISTRATION_CREATE, request, response, redirectAttributes, params, null),
				(context) -> {
					UserResult result = users().create(params);
					if (!result.succeeded()) {
						return context.withOutcome(null, result.errors());
					}
					events().of(PowAuthEventType.REGISTERED, result.user()).publish(request);
					return signIn(context, result.user(), result.errors(), SignInMethod.REGISTRATION);
				}, (outcome) -> {
					if (outcome.succeeded()) {
						PowFlash.info(redirectAttributes, messages().userHasBeenCreated(request));
						return redirectTo(routes().afterRegistrationPath(request));
					}
					return formWithErrors(NEW_VIEW, params, outcome.errors(), model);
				});
	}

	/**
	 * Show the account form.
	 */
	@GetMapping("/edit")
	@RequireAuthenticated
	public String edit(HttpServletRequest request, Model model) {
		PowUser user = PowCurrentUser.get(request).orElseThrow();
		UserParams params = new UserParams();
		params.setUserId(user.getUserId());
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(user);
		for (String field : this.userFields) {
			Object value = wrapper.getPropertyValue(field);
			params.getFields().put(field, (value != null) ? value.toString() : null);
		}
		model.addAttribute("user", params);
		return EDIT_VIEW;
	}

	/**
	 * Update the account; the current password is required.
	 */
	@RequestMapping(method = { RequestMethod.PATCH, RequestMethod.PUT })
	@RequireAuthenticated
	public String update(@ModelAttribute("user") UserParams params, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes, Model model) {
		PowUser user = PowCurrentUser.get(request).orElseThrow();
		return perform(context(PowAction.REGISTRATION_UPDATE, request, response, redirectAttributes, params, user),
				(context) -> {
					UserResult result = users().update(user, params);
					if (!result.succeeded()) {
						return context.withOutcome(null, result.errors());
					}
					if (StringUtils.hasText(params.getPassword())) {
						// A new password ends every other session and remember-me token.
						sessions().deleteAll(user.getId());
						events().of(PowAuthEventType.PASSWORD_CHANGED, user).publish(request);
					}
					// With email confirmation the new address waits for its link, and changes nothing yet.
					if (!users().emailOf(user).equals(users().emailOf(result.user()))) {
						events().of(PowAuthEventType.EMAIL_CHANGED, user).publish(request);
					}
					// A new token, and the new user copy for every remaining session of this user.
					return signIn(context, result.user(), result.errors());
				}, (outcome) -> {
					if (outcome.succeeded()) {
						PowFlash.info(redirectAttributes, messages().userHasBeenUpdated(request));
						return redirectTo(routes().afterUserUpdatedPath(request));
					}
					return formWithErrors(EDIT_VIEW, params, outcome.errors(), model);
				});
	}

	/**
	 * Delete the account and sign the user out everywhere. The current password is
	 * required, so that a session alone (left open, or stolen) cannot delete an account;
	 * an account without a password has to set one first.
	 */
	@DeleteMapping
	@RequireAuthenticated
	public String delete(@RequestParam(name = "currentPassword", required = false) String currentPassword,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirectAttributes) {
		PowUser user = PowCurrentUser.get(request).orElseThrow();
		boolean passwordless = user.getPasswordHash() == null && users().passwordOptional();
		if (!passwordless && (currentPassword == null || currentPassword.isEmpty()
				|| users().authenticate(user.getUserId(), currentPassword).isEmpty())) {
			PowFlash.error(redirectAttributes, messages().deletionNeedsCurrentPassword(request));
			return redirectTo(routes().accountPath());
		}
		return perform(context(PowAction.REGISTRATION_DELETE, request, response, redirectAttributes, null, user),
				(context) -> {
					try {
						users().delete(user);
					}
					catch (RuntimeException ex) {
						logger.warn("Could not delete " + user, ex);
						return context.withOutcome(null, null);
					}
					events().of(PowAuthEventType.ACCOUNT_DELETED, user).publish(request);
					sessions().deleteAll(user.getId());
					sessions().delete(request, response);
					return context.withOutcome(user, null);
				}, (outcome) -> {
					if (!outcome.succeeded()) {
						PowFlash.error(redirectAttributes, messages().userCouldNotBeDeleted(request));
						return redirectTo(routes().accountPath());
					}
					PowFlash.info(redirectAttributes, messages().userHasBeenDeleted(request));
					return redirectTo(routes().afterUserDeletedPath(request));
				});
	}

	private static String formWithErrors(String view, UserParams params, BindingResult errors, Model model) {
		params.setPassword(null);
		params.setPasswordConfirmation(null);
		params.setCurrentPassword(null);
		model.addAttribute("user", params);
		model.addAttribute(ERRORS_ATTRIBUTE, errors);
		return view;
	}

	private void requireSignUpOpen() {
		if (!this.signUpEnabled) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/**
	 * One of the application's own user fields as the forms show it.
	 *
	 * @param name the property name, submitted as {@code fields[name]} and labelled by
	 * the message {@code pow.fields.name} when there is one
	 * @param type the HTML input type
	 */
	public record UserFieldInput(String name, String type) {

		static String inputType(Class<?> type) {
			if (type == null) {
				return "text";
			}
			if (Number.class.isAssignableFrom(type)
					|| (type.isPrimitive() && type != boolean.class && type != char.class)) {
				return "number";
			}
			if (type == LocalDate.class) {
				return "date";
			}
			if (type == LocalDateTime.class) {
				return "datetime-local";
			}
			return "text";
		}

	}

}
