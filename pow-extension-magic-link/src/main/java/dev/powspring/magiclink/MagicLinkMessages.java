package dev.powspring.magiclink;

import dev.powspring.web.PowMessages;
import dev.powspring.web.controller.MailedLinkControllerSupport;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;

/**
 * The flash messages of magic links. Declare a bean that extends this class to compute
 * one differently, or override a key in your {@code messages.properties}.
 */
public class MagicLinkMessages implements MailedLinkControllerSupport.LinkRequestMessages {

	private final MessageSource messageSource;

	public MagicLinkMessages(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	/**
	 * Shown after a link was requested, whether or not the account exists.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String maybeEmailHasBeenSent(HttpServletRequest request) {
		return PowMessages.resolve(this.messageSource, request, "pow.magic-link.messages.maybe-email-has-been-sent");
	}

	/**
	 * Shown for an unknown email when user enumeration protection is off.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String userNotFound(HttpServletRequest request) {
		return PowMessages.resolve(this.messageSource, request, "pow.magic-link.messages.user-not-found");
	}

	/**
	 * Shown for an invalid, tampered, expired or used link.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String invalidToken(HttpServletRequest request) {
		return PowMessages.resolve(this.messageSource, request, "pow.magic-link.messages.invalid-token");
	}

}
