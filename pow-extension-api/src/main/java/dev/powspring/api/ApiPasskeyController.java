package dev.powspring.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.powspring.passkeys.Passkeys;
import dev.powspring.session.SignInMethod;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.throttle.TooManyAttempts;
import dev.powspring.user.PowUser;
import dev.powspring.web.PowController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Passkey sign-in over the API, for apps that run the WebAuthn ceremony themselves:
 * <ul>
 * <li>{@code POST /passkeys/options}: {@code {"data":{...}}} with the options for
 * {@code navigator.credentials.get()} (or the platform's passkey API), with a new
 * challenge;</li>
 * <li>{@code POST /session/passkey} with the {@code PublicKeyCredential} as the JSON body
 * (buffers base64url): the token pair, 401 when it cannot be verified, 403 when a sign-in
 * guard refuses the user, 429 when throttled.</li>
 * </ul>
 * The challenge, origin, RP ID and counter rules are those of the web sign-in.
 */
@PowController
@RestController
public class ApiPasskeyController extends ApiControllerSupport {

	private final Passkeys passkeys;

	private final RequestThrottle throttle;

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param passkeys the ceremonies
	 * @param throttle limits passkey sign-ins, or {@code null} when throttling is off
	 */
	public ApiPasskeyController(Collaborators collaborators, Passkeys passkeys, RequestThrottle throttle) {
		super(collaborators);
		this.passkeys = passkeys;
		this.throttle = throttle;
	}

	/**
	 * Answer the options of a passkey sign-in.
	 */
	@PostMapping("${pow.api.path:/api/v1}/passkeys/options")
	public ResponseEntity<Map<String, Object>> options(HttpServletRequest request) {
		return this.passkeys.authenticationOptions(request)
			.map(ApiControllerSupport::data)
			.orElseGet(() -> error(HttpStatus.FORBIDDEN, message(request, "pow.passkeys.messages.unavailable"),
					Map.of()));
	}

	/**
	 * Sign in with a passkey.
	 */
	@PostMapping("${pow.api.path:/api/v1}/session/passkey")
	public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String credential,
			HttpServletRequest request, HttpServletResponse response) {
		if (this.throttle != null) {
			String target = (credential != null) ? this.passkeys.credentialId(credential).orElse("-") : "-";
			Optional<Duration> refused = this.throttle.attempt(request, target);
			if (refused.isPresent()) {
				// A failed answer is published by the ceremony; one refused before it, here.
				this.passkeys.throttled(request);
				String message = TooManyAttempts.answer(messageSource(), request, response, refused.get());
				return error(HttpStatus.TOO_MANY_REQUESTS, message, Map.of());
			}
		}
		Optional<Passkeys.SignIn> signIn = (credential != null) ? this.passkeys.authenticate(request, credential)
				: Optional.empty();
		Optional<PowUser> user = signIn.flatMap((verified) -> users().getById(verified.userId()));
		if (user.isEmpty()) {
			return error(request, HttpStatus.UNAUTHORIZED, "pow.passkeys.messages.sign-in-failed");
		}
		// Without user verification the passkey proved possession only: one factor.
		SignInMethod method = signIn.get().userVerified() ? SignInMethod.PASSKEY
				: new SignInMethod(SignInMethod.PASSKEY.name(), false);
		return signIn(request, user.get(), method);
	}

}
