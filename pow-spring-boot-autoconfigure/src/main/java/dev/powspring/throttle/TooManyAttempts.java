package dev.powspring.throttle;

import java.time.Duration;

import dev.powspring.web.PowMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;

/**
 * The answer to a refused attempt: status 429, a Retry-After header, and a message saying
 * when to try again.
 */
public final class TooManyAttempts {

	private TooManyAttempts() {
	}

	/**
	 * Set the status and header of a refused attempt, and return its message.
	 * @param messageSource the message source
	 * @param request the request
	 * @param response the response
	 * @param retryAfter how long until attempts are allowed again
	 * @return the message to show
	 */
	public static String answer(MessageSource messageSource, HttpServletRequest request, HttpServletResponse response,
			Duration retryAfter) {
		long seconds = Math.max(1, retryAfter.toSeconds() + ((retryAfter.toMillisPart() > 0) ? 1 : 0));
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(seconds));
		long minutes = Math.max(1, (seconds + 59) / 60);
		return PowMessages.resolve(messageSource, request, "pow.messages.too-many-attempts", String.valueOf(minutes));
	}

}
