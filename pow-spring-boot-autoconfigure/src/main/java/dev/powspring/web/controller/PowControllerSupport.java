package dev.powspring.web.controller;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.powspring.event.PowAuthEvents;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SignInMethod;
import dev.powspring.session.SignInRefusedException;
import dev.powspring.store.PowStoreUnavailableException;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.throttle.TooManyAttempts;
import dev.powspring.user.PowUser;
import dev.powspring.user.UserParams;
import dev.powspring.user.UserIdField;
import dev.powspring.user.PowUsersService;
import dev.powspring.web.LocalPaths;
import dev.powspring.web.PowMessages;
import dev.powspring.web.PowPageContributions;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.callback.PowCallbackContext;
import dev.powspring.web.callback.PowCallbackResult;
import dev.powspring.web.callback.PowControllerCallbacks;
import io.micrometer.observation.ObservationRegistry;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What Pow's controllers share: the core services, and the steps every action takes.
 */
public abstract class PowControllerSupport {

	private final Collaborators collaborators;

	protected PowControllerSupport(Collaborators collaborators) {
		this.collaborators = collaborators;
	}

	protected PowUsersService users() {
		return this.collaborators.users();
	}

	protected PowSessionManager sessions() {
		return this.collaborators.sessions();
	}

	protected PowRoutes routes() {
		return this.collaborators.routes();
	}

	protected PowMessages messages() {
		return this.collaborators.messages();
	}

	protected PowControllerCallbacks callbacks() {
		return this.collaborators.callbacks();
	}

	/**
	 * Return the sign-in throttle.
	 * @return the throttle, or empty when throttling is off
	 */
	protected MessageSource messageSource() {
		return this.collaborators.messageSource();
	}

	protected PowAuthEvents events() {
		return this.collaborators.events();
	}

	protected ObservationRegistry observations() {
		return this.collaborators.observations();
	}

	protected Optional<SignInThrottle> signInThrottle() {
		return Optional.ofNullable(this.collaborators.signInThrottle());
	}

	/**
	 * Answer a refused attempt with 429 and Retry-After.
	 * @param request the request
	 * @param response the response
	 * @param retryAfter how long until attempts are allowed again
	 * @return the message to show
	 */
	protected String tooManyAttempts(HttpServletRequest request, HttpServletResponse response, Duration retryAfter) {
		return TooManyAttempts.answer(this.collaborators.messageSource(), request, response, retryAfter);
	}

	/**
	 * Bind only the fields of Pow's forms, and the application's own user properties as
	 * single-level {@code fields[name]} entries.
	 * @param binder the binder of the {@code user} form
	 */
	@InitBinder("user")
	public void restrictUserBinding(WebDataBinder binder) {
		binder.setAllowedFields("userId", "password", "passwordConfirmation", "currentPassword", "fields[*]");
		binder.setDisallowedFields("fields[*][*", "fields[*.*");
	}

	/**
	 * Answer a request whose parameters cannot be bound at all with 400, not a server
	 * error.
	 * @param response the response
	 * @throws IOException when the error cannot be sent
	 */
	@ExceptionHandler(InvalidPropertyException.class)
	public void malformedParameters(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	/**
	 * Answer 503 when the database or the store is unreachable: nothing half-done, and a
	 * retry later works.
	 * @param response the response
	 * @throws IOException when the error cannot be sent
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class, PersistenceException.class,
			PowStoreUnavailableException.class })
	public void backendUnavailable(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
	}

	/**
	 * Tell Pow's templates which field users sign in with, for labels and autocomplete.
	 * @return the user id field
	 */
	@ModelAttribute("powUserIdField")
	public UserIdField userIdField() {
		return this.collaborators.userIdField();
	}

	/**
	 * Give Pow's templates the fragments extensions add to them.
	 * @return the contributions
	 */
	@ModelAttribute("powContributions")
	public PowPageContributions contributions() {
		return this.collaborators.contributions();
	}

	/**
	 * Start the context of an action, as callbacks see it before processing.
	 * @param action the action
	 * @param request the request
	 * @param response the response
	 * @param redirectAttributes the flash attributes
	 * @param params the submitted form, or {@code null}
	 * @param user the signed-in user, or {@code null}
	 * @return the context
	 */
	protected PowCallbackContext context(PowAction action, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes, UserParams params, PowUser user) {
		return new PowCallbackContext(action, request, response, redirectAttributes, params, user, null, null);
	}

	/**
	 * Give the user a session, and describe the outcome for the callbacks.
	 * @param context the action
	 * @param user the user to sign in
	 * @param errors the form's field errors, or {@code null}
	 * @return the outcome: signed in, or refused by a {@link SignInRefusedException}
	 */
	protected PowCallbackContext signIn(PowCallbackContext context, PowUser user, BindingResult errors) {
		return signIn(context, user, errors, SignInMethod.PASSWORD);
	}

	/**
	 * Give the user a session, signed in the given way, and describe the outcome for the
	 * callbacks.
	 * @param context the action
	 * @param user the user to sign in
	 * @param errors the form's field errors, or {@code null}
	 * @param method how the user signed in, for the sign-in guards
	 * @return the outcome: signed in, or refused by a {@link SignInRefusedException}
	 */
	protected PowCallbackContext signIn(PowCallbackContext context, PowUser user, BindingResult errors,
			SignInMethod method) {
		try {
			sessions().create(context.request(), context.response(), user, method);
			return context.withOutcome(user, errors);
		}
		catch (SignInRefusedException ex) {
			return context.withOutcome(user, errors).withRefusal(user, ex.getReason());
		}
	}

	/**
	 * Run an action through the callback chain: before-process, process, before-respond,
	 * respond. A callback that halts answers instead of the action.
	 * @param context the action, before processing
	 * @param process does the work and returns the context with its outcome
	 * @param respond turns the outcome into the view to answer with
	 * @return the view
	 */
	protected String perform(PowCallbackContext context, UnaryOperator<PowCallbackContext> process,
			Function<PowCallbackContext, String> respond) {
		PowCallbackResult halt = callbacks().beforeProcess(context);
		if (halt.halted()) {
			return halt.view();
		}
		PowCallbackContext outcome = process.apply(context);
		halt = callbacks().beforeRespond(outcome);
		if (halt.halted()) {
			return halt.view();
		}
		if (outcome.refusal() != null) {
			// No callback turned the refusal into a page of its own.
			throw new SignInRefusedException(outcome.user(), outcome.refusal());
		}
		return respond.apply(outcome);
	}

	/**
	 * Return a redirect to the target, or to {@code /} when the target is not a local
	 * path.
	 * @param target the target from {@link PowRoutes}
	 * @return the view name
	 */
	protected static String redirectTo(String target) {
		return "redirect:" + LocalPaths.safeOrRoot(target);
	}

	/**
	 * The services Pow's controllers use, gathered so that a subclass's constructor stays
	 * short.
	 *
	 * @param users the users service
	 * @param sessions the session manager
	 * @param routes the redirect targets
	 * @param messages the flash messages
	 * @param callbacks the controller-callback chain
	 * @param userIdField the field users sign in with
	 * @param contributions the fragments extensions add to Pow's pages
	 * @param signInThrottle limits failed sign-ins, or {@code null} when throttling is off
	 * @param messageSource resolves messages that take arguments
	 * @param events publishes auth events
	 * @param observations observes sign-ins, for the sign-in timer
	 */
	public record Collaborators(PowUsersService users, PowSessionManager sessions, PowRoutes routes,
			PowMessages messages, PowControllerCallbacks callbacks, UserIdField userIdField,
			PowPageContributions contributions, SignInThrottle signInThrottle, MessageSource messageSource,
			PowAuthEvents events, ObservationRegistry observations) {

	}

}
