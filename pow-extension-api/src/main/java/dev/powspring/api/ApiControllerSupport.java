package dev.powspring.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.session.PowCurrentUser;
import dev.powspring.session.PowRequestAuthenticator;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SignInMethod;
import dev.powspring.store.PowStoreUnavailableException;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserIdField;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What the API's controllers share: answers in the shape of Pow's API guide
 * ({@code {"data": ...}} and {@code {"error": {"status": ..., "message": ...}}}), and the
 * errors every action may meet.
 */
public abstract class ApiControllerSupport {

	private final Collaborators collaborators;

	private final MessageSource messageSource;

	private final UserIdField userIdField;

	private List<ApiSignInRefusalDetails> refusalDetails = List.of();

	protected ApiControllerSupport(Collaborators collaborators) {
		this.collaborators = collaborators;
		this.messageSource = collaborators.messageSource();
		this.userIdField = collaborators.userIdField();
	}

	protected ApiTokens tokens() {
		return this.collaborators.tokens();
	}

	protected PowUsersService users() {
		return this.collaborators.users();
	}

	protected PowSessionManager sessions() {
		return this.collaborators.sessions();
	}

	protected PowAuthEvents events() {
		return this.collaborators.events();
	}

	/**
	 * Set what extensions add to the error of a refused sign-in.
	 * @param refusalDetails the additions, in order
	 */
	@Autowired(required = false)
	public void setRefusalDetails(List<ApiSignInRefusalDetails> refusalDetails) {
		this.refusalDetails = List.copyOf(refusalDetails);
	}

	protected UserIdField userIdField() {
		return this.userIdField;
	}

	protected MessageSource messageSource() {
		return this.messageSource;
	}

	/**
	 * Issue a token pair for a user whose credentials were just checked, unless a sign-in
	 * guard refuses the user: then 403, with the guard's reason.
	 * @param request the request
	 * @param user the user
	 * @return the answer
	 */
	protected ResponseEntity<Map<String, Object>> signIn(HttpServletRequest request, PowUser user) {
		return signIn(request, user, SignInMethod.API);
	}

	/**
	 * Issue a token pair for a user who signed in some way, unless a sign-in guard refuses
	 * the user (403 with the guard's reason). The pair records the sign-in as a browser
	 * session does, and the sign-in is published; a refusal was published by the guards'
	 * check.
	 * @param request the request
	 * @param user the user
	 * @param method how the user signed in
	 * @return the answer
	 */
	protected ResponseEntity<Map<String, Object>> signIn(HttpServletRequest request, PowUser user,
			SignInMethod method) {
		Optional<String> refusal = sessions().checkSignIn(request, user, method);
		if (refusal.isPresent()) {
			String message = this.messageSource.getMessage("pow.api.messages.sign-in-refused." + refusal.get(), null,
					message(request, "pow.api.messages.sign-in-refused"), RequestContextUtils.getLocale(request));
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("reason", refusal.get());
			this.refusalDetails.forEach((added) -> details.putAll(added.details(request, user, refusal.get())));
			return error(HttpStatus.FORBIDDEN, message, details);
		}
		ApiTokens.TokenPair pair = tokens().issue(user, sessions().signInMetadata(request, user, method));
		events().of(PowAuthEventType.SIGNED_IN, user)
			.detail(PowAuthEvent.METHOD, method.name())
			.detail("multi_factor", method.multiFactor())
			.publish(request);
		return pair(pair);
	}

	protected static ResponseEntity<Map<String, Object>> pair(ApiTokens.TokenPair pair) {
		return data(Map.of("access_token", pair.accessToken(), "renewal_token", pair.renewalToken()));
	}

	/**
	 * Return the user the request's access token signs in; never one of a cookie.
	 * @param request the request
	 * @return the user, or empty
	 */
	protected static Optional<PowUser> tokenUser(HttpServletRequest request) {
		return PowRequestAuthenticator.decidedByCredentials(request) ? PowCurrentUser.get(request) : Optional.empty();
	}

	/**
	 * Answer 401 as Pow's guards do for API clients: {@code status} and {@code code}.
	 * @param request the request
	 * @return the answer
	 */
	protected ResponseEntity<Map<String, Object>> notAuthenticated(HttpServletRequest request) {
		return error(HttpStatus.UNAUTHORIZED, message(request, "pow.messages.api.not-authenticated"),
				Map.of("code", HttpStatus.UNAUTHORIZED.value()));
	}

	protected static ResponseEntity<Map<String, Object>> data(Object data) {
		return ResponseEntity.ok(Map.of("data", data));
	}

	protected ResponseEntity<Map<String, Object>> error(HttpServletRequest request, HttpStatus status, String code,
			Object... args) {
		return error(status, message(request, code, args), Map.of());
	}

	/**
	 * Answer 422 with the errors of each field, named as the client named the fields.
	 * @param request the request
	 * @param code the message of the answer
	 * @param errors the validation errors
	 * @return the answer
	 */
	protected ResponseEntity<Map<String, Object>> invalid(HttpServletRequest request, String code, Errors errors) {
		Map<String, List<String>> byField = new LinkedHashMap<>();
		for (FieldError error : errors.getFieldErrors()) {
			byField.computeIfAbsent(ApiUserParams.clientName(error, this.userIdField), (name) -> new ArrayList<>())
				.add(this.messageSource.getMessage(error, RequestContextUtils.getLocale(request)));
		}
		errors.getGlobalErrors()
			.forEach((error) -> byField.computeIfAbsent("base", (name) -> new ArrayList<>())
				.add(this.messageSource.getMessage(error, RequestContextUtils.getLocale(request))));
		return error(HttpStatus.UNPROCESSABLE_CONTENT, message(request, code), Map.of("errors", byField));
	}

	protected String message(HttpServletRequest request, String code, Object... args) {
		return this.messageSource.getMessage(code, args, RequestContextUtils.getLocale(request));
	}

	protected static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message,
			Map<String, Object> details) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("status", status.value());
		error.put("message", message);
		error.putAll(details);
		return ResponseEntity.status(status).body(Map.of("error", error));
	}

	/**
	 * Answer 400 to a body that cannot be read.
	 * @param ex what is wrong
	 * @return the answer
	 */
	@ExceptionHandler(MalformedApiRequestException.class)
	public ResponseEntity<Map<String, Object>> malformed(MalformedApiRequestException ex) {
		return error(HttpStatus.BAD_REQUEST, ex.getMessage(), Map.of());
	}

	/**
	 * Answer 503 when the database or the store is unreachable: nothing half-done, and a
	 * retry later works.
	 * @param request the request
	 * @return the answer
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class, PersistenceException.class,
			PowStoreUnavailableException.class })
	public ResponseEntity<Map<String, Object>> backendUnavailable(HttpServletRequest request) {
		return error(request, HttpStatus.SERVICE_UNAVAILABLE, "pow.api.messages.unavailable");
	}

	/**
	 * The services the API's controllers use.
	 *
	 * @param tokens the API tokens
	 * @param users the users service
	 * @param sessions applies the sign-in guards, and ends browser sessions
	 * @param messageSource the messages
	 * @param userIdField the field users sign in with
	 * @param events publishes what the API's clients do
	 */
	public record Collaborators(ApiTokens tokens, PowUsersService users, PowSessionManager sessions,
			MessageSource messageSource, UserIdField userIdField, PowAuthEvents events) {

	}

}
