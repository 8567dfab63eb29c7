package dev.powspring.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.powspring.event.PowAuthEventType;
import dev.powspring.session.SignInMethod;
import dev.powspring.user.PowUser;
import dev.powspring.user.UserParams;
import dev.powspring.user.UserResult;
import dev.powspring.web.PowController;
import dev.powspring.web.guard.RequireAuthenticated;
import dev.powspring.web.guard.RequireNotAuthenticated;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Register, and read or update the signed-in user, over the API.
 * <ul>
 * <li>{@code POST /registration}: a token pair for the new user, or 422 with the errors of
 * each field.</li>
 * <li>{@code GET /registration}: the signed-in user.</li>
 * <li>{@code PATCH /registration}: update, with the current password; a new password ends
 * every session and API token of the user, this one included.</li>
 * </ul>
 */
@PowController
@RestController
@RequestMapping("${pow.api.path:/api/v1}/registration")
public class ApiRegistrationController extends ApiControllerSupport {

	private final boolean signUpEnabled;

	private final List<String> userFields;

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param signUpEnabled whether people can sign up ({@code pow.registration.enabled})
	 * @param userFields the application's own user properties, shown and updated by name
	 */
	public ApiRegistrationController(Collaborators collaborators, boolean signUpEnabled, List<String> userFields) {
		super(collaborators);
		this.signUpEnabled = signUpEnabled;
		this.userFields = List.copyOf(userFields);
	}

	/**
	 * Register, and sign the new user in.
	 */
	@PostMapping
	@RequireNotAuthenticated
	public ResponseEntity<Map<String, Object>> create(HttpServletRequest request) {
		if (!this.signUpEnabled) {
			return error(request, HttpStatus.NOT_FOUND, "pow.api.messages.not-found");
		}
		UserResult result = users().create(ApiUserParams.read(request, userIdField()));
		if (!result.succeeded()) {
			return invalid(request, "pow.api.messages.invalid-registration", result.errors());
		}
		events().of(PowAuthEventType.REGISTERED, result.user()).publish(request);
		return signIn(request, result.user(), SignInMethod.REGISTRATION);
	}

	/**
	 * Show the signed-in user.
	 */
	@GetMapping
	@RequireAuthenticated
	public ResponseEntity<Map<String, Object>> show(HttpServletRequest request) {
		// The guard let only a signed-in request through; only a token's user counts here.
		return tokenUser(request).map((user) -> data(describe(user))).orElseGet(() -> notAuthenticated(request));
	}

	/**
	 * Update the signed-in user; the current password is required.
	 */
	@RequestMapping(method = { RequestMethod.PATCH, RequestMethod.PUT })
	@RequireAuthenticated
	public ResponseEntity<Map<String, Object>> update(HttpServletRequest request) {
		Optional<PowUser> signedIn = tokenUser(request);
		if (signedIn.isEmpty()) {
			return notAuthenticated(request);
		}
		PowUser user = signedIn.get();
		UserParams params = ApiUserParams.read(request, userIdField());
		// As stored: the token's copy of the user may be older, and the update may change it.
		Optional<String> emailBefore = users().getById(user.getId()).flatMap(users()::emailOf);
		UserResult result = users().update(user, params);
		if (!result.succeeded()) {
			return invalid(request, "pow.api.messages.invalid-update", result.errors());
		}
		if (StringUtils.hasText(params.getPassword())) {
			// A new password ends every session and token of the user, on every device.
			sessions().deleteAll(result.user().getId());
			events().of(PowAuthEventType.PASSWORD_CHANGED, result.user()).publish(request);
		}
		else {
			sessions().refreshUser(result.user());
		}
		// With email confirmation the new address waits for its link, and changes nothing yet.
		if (!emailBefore.equals(users().emailOf(result.user()))) {
			events().of(PowAuthEventType.EMAIL_CHANGED, result.user()).publish(request);
		}
		return data(describe(result.user()));
	}

	private Map<String, Object> describe(PowUser user) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("id", user.getId());
		described.put(userIdField().column(), user.getUserId());
		users().emailOf(user).ifPresent((email) -> described.putIfAbsent("email", email));
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(user);
		for (String field : this.userFields) {
			if (wrapper.isReadableProperty(field)) {
				described.putIfAbsent(field, wrapper.getPropertyValue(field));
			}
		}
		described.put("inserted_at", user.getInsertedAt());
		described.put("updated_at", user.getUpdatedAt());
		return described;
	}

}
