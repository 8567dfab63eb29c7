package dev.powspring.resetpassword;

import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.mail.MailedLinkRequests;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.user.PowUsersService;

/**
 * Asking for a reset link, wherever the request comes from (the web form, the API): the
 * throttle, the lookup by email and the mail, in the same time whether or not an account
 * has the address. A link mailed to an account is published as
 * {@link PowAuthEventType#PASSWORD_RESET_REQUESTED}; a request for an unknown or locked
 * account publishes nothing.
 */
public class ResetPasswordRequests extends MailedLinkRequests {

	/**
	 * Create an instance.
	 * @param users finds the account by email
	 * @param tokens issues the link's token
	 * @param mails sends the reset mail
	 * @param throttle limits reset requests, or {@code null} when throttling is off
	 * @param events publishes that a link was mailed
	 */
	public ResetPasswordRequests(PowUsersService users, ResetPasswordTokens tokens, ResetPasswordMails mails,
			RequestThrottle throttle, PowAuthEvents events) {
		super(users, throttle, tokens::generate, (request, user, address, token) -> {
			mails.sendResetLink(request, user, address, tokens.issue(token, user.getId()));
			// Only here, for an account: like the token's issue, it is work an unknown
			// address does not cause, and the client's answer tells nothing of it.
			events.of(PowAuthEventType.PASSWORD_RESET_REQUESTED, user).publish(request);
		});
	}

}
