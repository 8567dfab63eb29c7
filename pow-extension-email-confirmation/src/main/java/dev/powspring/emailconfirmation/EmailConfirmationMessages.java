package dev.powspring.emailconfirmation;

import dev.powspring.web.PowMessages;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;

/**
 * The flash messages of email confirmation. Declare a bean that extends this class to
 * compute one differently, or override a key in your {@code messages.properties}.
 */
public class EmailConfirmationMessages {

	private final MessageSource messageSource;

	public EmailConfirmationMessages(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	/**
	 * Shown after a confirmation went through.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String emailHasBeenConfirmed(HttpServletRequest request) {
		return PowMessages.resolve(this.messageSource, request, "pow.email-confirmation.messages.email-has-been-confirmed");
	}

	/**
	 * Shown when the new address belongs to another account by now.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String emailConfirmationFailed(HttpServletRequest request) {
		return PowMessages.resolve(this.messageSource, request, "pow.email-confirmation.messages.email-confirmation-failed");
	}

	/**
	 * Shown for an invalid, tampered, expired or used link.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String invalidToken(HttpServletRequest request) {
		return PowMessages.resolve(this.messageSource, request, "pow.email-confirmation.messages.invalid-token");
	}

	/**
	 * Shown after registering, and when an unconfirmed user tries to sign in.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String emailConfirmationRequired(HttpServletRequest request) {
		return PowMessages.resolve(this.messageSource, request,
				"pow.email-confirmation.messages.email-confirmation-required");
	}

	/**
	 * Shown after an email change, which waits for confirmation.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String emailConfirmationRequiredForUpdate(HttpServletRequest request) {
		return PowMessages.resolve(this.messageSource, request,
				"pow.email-confirmation.messages.email-confirmation-required-for-update");
	}

}
