package dev.powspring.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.powspring.mail.MailedLinkRequests;
import dev.powspring.throttle.TooManyAttempts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the API's controllers that mail a link on request share, such as those of
 * password reset and magic links: read {@code user[email]}, throttle, mail the link when
 * an account has the address, and answer {@code 200 {"data":{}}} either way.
 */
public abstract class ApiMailedLinkControllerSupport extends ApiControllerSupport {

	private final MailedLinkRequests requests;

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param requests throttles the requests and mails the links
	 */
	protected ApiMailedLinkControllerSupport(Collaborators collaborators, MailedLinkRequests requests) {
		super(collaborators);
		this.requests = requests;
	}

	/**
	 * Ask for a link: {@code 429} when the throttle refuses, else {@code 200} whether or
	 * not an account has the address.
	 * @param request the request, with {@code user[email]}
	 * @param response the response, for the {@code Retry-After} header
	 * @return the answer
	 */
	protected ResponseEntity<Map<String, Object>> requestLink(HttpServletRequest request,
			HttpServletResponse response) {
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
