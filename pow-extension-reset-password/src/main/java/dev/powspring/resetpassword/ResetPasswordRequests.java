package dev.powspring.resetpassword;

import dev.powspring.mail.MailedLinkRequests;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.user.PowUsersService;

/**
 * Asking for a reset link, wherever the request comes from (the web form, the API): the
 * throttle, the lookup by email and the mail, in the same time whether or not an account
 * has the address.
 */
public class ResetPasswordRequests extends MailedLinkRequests {

	/**
	 * Create an instance.
	 * @param users finds the account by email
	 * @param tokens issues the link's token
	 * @param mails sends the reset mail
	 * @param throttle limits reset requests, or {@code null} when throttling is off
	 */
	public ResetPasswordRequests(PowUsersService users, ResetPasswordTokens tokens, ResetPasswordMails mails,
			RequestThrottle throttle) {
		super(users, throttle, tokens::generate, (request, user, address, token) -> mails.sendResetLink(request, user,
				address, tokens.issue(token, user.getId())));
	}

}
