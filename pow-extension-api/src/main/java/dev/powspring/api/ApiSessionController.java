package dev.powspring.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.session.RenewalTokens.RenewalToken;
import dev.powspring.session.SignInAttempt;
import dev.powspring.session.SignInMethod;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.throttle.TooManyAttempts;
import dev.powspring.user.PowUser;
import dev.powspring.user.UserParams;
import dev.powspring.web.PowController;
import dev.powspring.web.guard.RequireAuthenticated;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
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
 * A password sign-in is observed as {@value #SIGN_IN_OBSERVATION}, which Micrometer makes a
 * timer of, with key values {@code method=api} and {@code outcome=success|failure}.
 */
@PowController
@RestController
@RequestMapping("${pow.api.path:/api/v1}/session")
public class ApiSessionController extends ApiControllerSupport {

	/** Name of the observation of a sign-in, as the web sign-in's. */
	public static final String SIGN_IN_OBSERVATION = "pow.sign.in";

	private final SignInThrottle signInThrottle;

	private final MessageSource messageSource;

	private final ObservationRegistry observations;

	/**
	 * Create an instance that observes nothing.
	 * @param collaborators the services the controller uses
	 * @param signInThrottle limits failed sign-ins, or {@code null} when throttling is off
	 */
	public ApiSessionController(Collaborators collaborators, SignInThrottle signInThrottle) {
		this(collaborators, signInThrottle, ObservationRegistry.NOOP);
	}

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param signInThrottle limits failed sign-ins, or {@code null} when throttling is off
	 * @param observations observes password sign-ins, for the sign-in timer
	 */
	public ApiSessionController(Collaborators collaborators, SignInThrottle signInThrottle,
			ObservationRegistry observations) {
		super(collaborators);
		this.signInThrottle = signInThrottle;
		this.messageSource = collaborators.messageSource();
		this.observations = observations;
	}

	/**
	 * Sign in with the user id and password.
	 */
	@PostMapping
	public ResponseEntity<Map<String, Object>> create(HttpServletRequest request, HttpServletResponse response) {
		Observation observation = Observation.start(SIGN_IN_OBSERVATION, this.observations)
			.lowCardinalityKeyValue("method", SignInMethod.API.name());
		ResponseEntity<Map<String, Object>> answer = null;
		try {
			answer = signIn(request, response);
			return answer;
		}
		finally {
			boolean succeeded = answer != null && answer.getStatusCode().is2xxSuccessful();
			observation.lowCardinalityKeyValue("outcome", succeeded ? "success" : "failure");
			observation.stop();
		}
	}

	private ResponseEntity<Map<String, Object>> signIn(HttpServletRequest request, HttpServletResponse response) {
		UserParams params = ApiUserParams.read(request, userIdField());
		// Reserved before any password hash is computed, so parallel guesses share the limit.
		Optional<SignInThrottle.Attempt> attempt = Optional.ofNullable(this.signInThrottle)
			.map((throttle) -> throttle.reserve(request, params.getUserId()));
		try {
			Optional<Duration> refused = attempt.flatMap(SignInThrottle.Attempt::refusedFor);
			if (refused.isPresent()) {
				events().of(PowAuthEventType.SIGN_IN_FAILED, (Long) null)
					.detail(PowAuthEvent.METHOD, SignInMethod.API.name())
					.detail(PowAuthEvent.REASON, PowAuthEvent.THROTTLED)
					.publish(request);
				String message = TooManyAttempts.answer(this.messageSource, request, response, refused.get());
				return error(HttpStatus.TOO_MANY_REQUESTS, message, Map.of());
			}
			Optional<PowUser> user = users().authenticate(params.getUserId(), params.getPassword());
			if (user.isEmpty()) {
				attempt.ifPresent(SignInThrottle.Attempt::failed);
				badCredentials(params, request);
				return error(request, HttpStatus.UNAUTHORIZED, "pow.api.messages.invalid-credentials");
			}
			attempt.ifPresent((reserved) -> reserved.succeeded(response));
			return signIn(request, user.get());
		}
		finally {
			attempt.ifPresent(SignInThrottle.Attempt::release);
		}
	}

	// The account is named when it exists: operators see attacks on it. Looked up only on failure.
	private void badCredentials(UserParams params, HttpServletRequest request) {
		Long userId = (params.getUserId() != null)
				? users().getByUserId(params.getUserId()).map(PowUser::getId).orElse(null) : null;
		events().of(PowAuthEventType.SIGN_IN_FAILED, userId)
			.detail(PowAuthEvent.METHOD, SignInMethod.API.name())
			.detail(PowAuthEvent.REASON, PowAuthEvent.BAD_CREDENTIALS)
			.publish(request);
	}

	/**
	 * Exchange a renewal token for a new pair.
	 */
	@PostMapping("/renew")
	public ResponseEntity<Map<String, Object>> renew(HttpServletRequest request) {
		Optional<RenewalToken> claimed = ApiAuthenticator.token(request)
			.flatMap((token) -> tokens().claim(token, (userId) -> theft(request, userId)));
		Optional<PowUser> user = claimed.flatMap((token) -> users().getById(token.userId()))
			.filter((found) -> sessions()
				.signInRefusal(found, SignInAttempt.of(SignInMethod.API_RENEWAL, request))
				.isEmpty());
		if (user.isEmpty()) {
			return error(request, HttpStatus.UNAUTHORIZED, "pow.api.messages.invalid-token");
		}
		ApiTokens.TokenPair pair = tokens().replace(claimed.get(), user.get());
		events().of(PowAuthEventType.API_TOKEN_RENEWED, user.get()).publish(request);
		return pair(pair);
	}

	private void theft(HttpServletRequest request, Long userId) {
		sessions().deleteAll(userId);
		events().of(PowAuthEventType.API_TOKEN_THEFT, userId).publish(request);
	}

	/**
	 * Sign out: the access token and its renewal token stop working.
	 */
	@DeleteMapping
	@RequireAuthenticated
	public ResponseEntity<Map<String, Object>> delete(HttpServletRequest request) {
		ApiAuthenticator.token(request).ifPresent(tokens()::signOut);
		tokenUser(request).ifPresent((user) -> events().of(PowAuthEventType.SIGNED_OUT, user)
			.detail(PowAuthEvent.METHOD, SignInMethod.API.name())
			.publish(request));
		return data(Map.of());
	}

}
