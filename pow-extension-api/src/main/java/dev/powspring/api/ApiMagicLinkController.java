package dev.powspring.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.powspring.magiclink.MagicLinkRequests;
import dev.powspring.throttle.TooManyAttempts;
import dev.powspring.web.PowController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /magic-link} with {@code user[email]}: mails a sign-in link when an account
 * has the address, and answers {@code 200 {"data":{}}} either way. The link opens the web
 * page, whose button signs in.
 */
@PowController
@RestController
public class ApiMagicLinkController extends ApiControllerSupport {

	private final MagicLinkRequests requests;

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param requests throttles magic link requests and mails the links
	 */
	public ApiMagicLinkController(Collaborators collaborators, MagicLinkRequests requests) {
		super(collaborators);
		this.requests = requests;
	}

	/**
	 * Ask for a magic link.
	 */
	@PostMapping("${pow.api.path:/api/v1}/magic-link")
	public ResponseEntity<Map<String, Object>> create(HttpServletRequest request, HttpServletResponse response) {
		String email = ApiEmailParam.of(ApiUserParams.read(request, userIdField()), userIdField());
		Optional<Duration> refused = this.requests.attempt(request, email);
		if (refused.isPresent()) {
			String message = TooManyAttempts.answer(messageSource(), request, response, refused.get());
			return error(HttpStatus.TOO_MANY_REQUESTS, message, Map.of());
		}
		this.requests.send(request, email);
		return data(Map.of());
	}

}
