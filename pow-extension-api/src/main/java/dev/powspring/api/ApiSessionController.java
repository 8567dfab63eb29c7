package dev.powspring.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.powspring.session.RenewalTokens.RenewalToken;
import dev.powspring.session.SignInAttempt;
import dev.powspring.session.SignInMethod;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.throttle.TooManyAttempts;
import dev.powspring.user.PowUser;
import dev.powspring.user.UserParams;
import dev.powspring.web.PowController;
import dev.powspring.web.guard.RequireAuthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign in, renew and sign out over the API, as in Pow's API guide.
 * <ul>
 * <li>{@code POST /session} with the user id and password: a token pair, or 401.</li>
 * <li>{@code POST /session/renew} with the renewal token in {@code Authorization}: a new
 * pair, once; the old pair is dead.</li>
 * <li>{@code DELETE /session} with the access token: both tokens of the pair are dead.</li>
 * </ul>
 */
@PowController
@RestController
@RequestMapping("${pow.api.path:/api/v1}/session")
public class ApiSessionController extends ApiControllerSupport {

	private final SignInThrottle signInThrottle;

	private final MessageSource messageSource;

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param signInThrottle limits failed sign-ins, or {@code null} when throttling is off
	 */
	public ApiSessionController(Collaborators collaborators, SignInThrottle signInThrottle) {
		super(collaborators);
		this.signInThrottle = signInThrottle;
		this.messageSource = collaborators.messageSource();
	}

	/**
	 * Sign in with the user id and password.
	 */
	@PostMapping
	public ResponseEntity<Map<String, Object>> create(HttpServletRequest request, HttpServletResponse response) {
		UserParams params = ApiUserParams.read(request, userIdField());
		// Reserved before any password hash is computed, so parallel guesses share the limit.
		Optional<SignInThrottle.Attempt> attempt = Optional.ofNullable(this.signInThrottle)
			.map((throttle) -> throttle.reserve(request, params.getUserId()));
		try {
			Optional<Duration> refused = attempt.flatMap(SignInThrottle.Attempt::refusedFor);
			if (refused.isPresent()) {
				String message = TooManyAttempts.answer(this.messageSource, request, response, refused.get());
				return error(HttpStatus.TOO_MANY_REQUESTS, message, Map.of());
			}
			Optional<PowUser> user = users().authenticate(params.getUserId(), params.getPassword());
			if (user.isEmpty()) {
				attempt.ifPresent(SignInThrottle.Attempt::failed);
				return error(request, HttpStatus.UNAUTHORIZED, "pow.api.messages.invalid-credentials");
			}
			attempt.ifPresent((reserved) -> reserved.succeeded(response));
			return signIn(request, user.get());
		}
		finally {
			attempt.ifPresent(SignInThrottle.Attempt::release);
		}
	}

	/**
	 * Exchange a renewal token for a new pair.
	 */
	@PostMapping("/renew")
	public ResponseEntity<Map<String, Object>> renew(HttpServletRequest request) {
		Optional<RenewalToken> claimed = ApiAuthenticator.token(request)
			.flatMap((token) -> tokens().claim(token, sessions()::deleteAll));
		Optional<PowUser> user = claimed.flatMap((token) -> users().getById(token.userId()))
			.filter((found) -> sessions()
				.signInRefusal(found, SignInAttempt.of(SignInMethod.API_RENEWAL, request))
				.isEmpty());
		if (user.isEmpty()) {
			return error(request, HttpStatus.UNAUTHORIZED, "pow.api.messages.invalid-token");
		}
		return pair(tokens().replace(claimed.get(), user.get()));
	}

	/**
	 * Sign out: the access token and its renewal token stop working.
	 */
	@DeleteMapping
	@RequireAuthenticated
	public ResponseEntity<Map<String, Object>> delete(HttpServletRequest request) {
		ApiAuthenticator.token(request).ifPresent(tokens()::signOut);
		return data(Map.of());
	}

}
