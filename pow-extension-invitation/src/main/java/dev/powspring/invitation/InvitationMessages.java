package dev.powspring.invitation;

import dev.powspring.web.PowMessages;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;

/**
 * The flash messages of invitations. Declare a bean that extends this class to compute
 * one differently, or override a key in your {@code messages.properties}.
 */
public class InvitationMessages {

	private final MessageSource messageSource;

	public InvitationMessages(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	/**
	 * Shown for an invalid, tampered, expired, revoked or accepted invitation.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String invalidInvitation(HttpServletRequest request) {
		return PowMessages.resolve(this.messageSource, request, "pow.invitation.messages.invalid-invitation");
	}

	/**
	 * Shown after an invitation was sent, whether or not the address has an account.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String invitationEmailSent(HttpServletRequest request) {
		return PowMessages.resolve(this.messageSource, request, "pow.invitation.messages.invitation-email-sent");
	}

	/**
	 * Shown after a pending invitation was revoked.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String invitationRevoked(HttpServletRequest request) {
		return PowMessages.resolve(this.messageSource, request, "pow.invitation.messages.invitation-revoked");
	}

}
