package dev.powspring.resetpassword;

import java.util.Optional;

import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.user.PowUser;
import dev.powspring.user.UserParams;
import dev.powspring.user.UserResult;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.controller.MailedLinkControllerSupport;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireNotAuthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Requesting a reset link, and choosing a new password through it. Every page is for
 * anonymous users.
 */
@Controller
@PowController
@RequestMapping("/reset-password")
@CsrfProtected
@RequireNotAuthenticated
public class ResetPasswordController extends MailedLinkControllerSupport {

	/** The request form's template. */
	public static final String NEW_VIEW = "pow/reset_password/new";

	/** The new-password form's template. */
	public static final String EDIT_VIEW = "pow/reset_password/edit";

	/** Ask for a reset link, as the callbacks see it. */
	public static final PowAction CREATE = new PowAction("reset_password_create");

	/** Set the new password, as the callbacks see it. */
	public static final PowAction UPDATE = new PowAction("reset_password_update");

	private final ResetPasswordTokens tokens;

	private final ResetPasswordMessages messages;

	private final PowAuthEvents authEvents;

	/**
	 * Create an instance.
	 * @param collaborators what every Pow controller works with
	 * @param requests throttles reset requests and mails the links
	 * @param tokens the reset tokens
	 * @param messages the flash messages
	 * @param authEvents publishes that a password was set through a link
	 * @param preventUserEnumeration whether an unknown email gets the same answer as a
	 * known one
	 */
	public ResetPasswordController(Collaborators collaborators, ResetPasswordRequests requests,
			ResetPasswordTokens tokens, ResetPasswordMessages messages, PowAuthEvents authEvents,
			boolean preventUserEnumeration) {
		super(collaborators, requests, messages, preventUserEnumeration);
		this.tokens = tokens;
		this.messages = messages;
		this.authEvents = authEvents;
	}

	/**
	 * Bind only the new password and its confirmation.
	 * @param binder the binder of the {@code user} form
	 */
	@Override
	public void restrictUserBinding(WebDataBinder binder) {
		binder.setAllowedFields("password", "passwordConfirmation");
	}

	/**
	 * Show the form asking for the account's email.
	 */
	@GetMapping("/new")
	public String newRequest() {
		return NEW_VIEW;
	}

	/**
	 * Mail a reset link when the account exists; answer the same either way.
	 */
	@PostMapping
	public String create(@RequestParam(name = "email", required = false) String email, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes, Model model) {
		return requestLink(CREATE, NEW_VIEW, email, request, response, redirectAttributes, model);
	}

	/**
	 * Show the new-password form for a valid link.
	 */
	@GetMapping("/{token}")
	public String edit(@PathVariable String token, HttpServletRequest request,
			RedirectAttributes redirectAttributes, Model model) {
		if (this.tokens.find(token).isEmpty()) {
			return invalidToken(request, redirectAttributes);
		}
		model.addAttribute("token", token);
		model.addAttribute("user", new UserParams());
		return EDIT_VIEW;
	}

	/**
	 * Set the new password, use the link up, and sign the user out everywhere.
	 */
	@RequestMapping(path = "/{token}", method = { RequestMethod.PATCH, RequestMethod.PUT })
	public String update(@PathVariable String token, @ModelAttribute("user") UserParams params,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirectAttributes,
			Model model) {
		if (this.tokens.find(token).isEmpty()) {
			return invalidToken(request, redirectAttributes);
		}
		return perform(context(UPDATE, request, response, redirectAttributes, params, null), (context) -> {
			// Used up only once the callbacks let the action run.
			Optional<ResetPasswordTokens.Consumed> consumed = this.tokens.consume(token);
			Optional<PowUser> user = consumed.flatMap((used) -> users().getById(used.userId()));
			if (user.isEmpty()) {
				return context.withOutcome(null, null);
			}
			UserResult result = users().resetPassword(user.get(), params);
			if (!result.succeeded()) {
				// The link stays usable for a corrected attempt.
				this.tokens.restore(consumed.get());
				return context.withOutcome(user.get(), result.errors());
			}
			this.tokens.revokeAll(user.get().getId());
			sessions().deleteAll(user.get().getId());
			// The owner proved control of the address: end any lockout an attacker caused.
			signInThrottle().ifPresent((throttle) -> throttle.clear(user.get().getUserId()));
			// A reset, not a change: the user did not give the old password.
			this.authEvents.of(PowAuthEventType.PASSWORD_RESET_COMPLETED, result.user()).publish(request);
			return context.withOutcome(result.user(), null);
		}, (outcome) -> {
			if (outcome.user() == null) {
				return invalidToken(request, redirectAttributes);
			}
			if (!outcome.succeeded()) {
				params.setPassword(null);
				params.setPasswordConfirmation(null);
				model.addAttribute("token", token);
				model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "user", outcome.errors());
				return EDIT_VIEW;
			}
			PowFlash.info(redirectAttributes, this.messages.passwordHasBeenReset(request));
			return redirectTo(routes().signInPath());
		});
	}

	private String invalidToken(HttpServletRequest request, RedirectAttributes redirectAttributes) {
		PowFlash.error(redirectAttributes, this.messages.invalidToken(request));
		return redirectTo(routes().path("/reset-password/new"));
	}

}
