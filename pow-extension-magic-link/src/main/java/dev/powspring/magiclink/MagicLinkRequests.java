package dev.powspring.magiclink;

import dev.powspring.mail.MailedLinkRequests;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.user.PowUsersService;

/**
 * Asking for a magic link, wherever the request comes from (the web form, the API): the
 * throttle, the lookup by email and the mail, in the same time whether or not an account
 * has the address. The token's record keeps a hash of the address the link went to.
 */
public class MagicLinkRequests extends MailedLinkRequests {

	/**
	 * Create an instance.
	 * @param users finds the account by email
	 * @param tokens issues the link's token
	 * @param mails sends the magic link mail
	 * @param throttle limits magic link requests, or {@code null} when throttling is off
	 */
	public MagicLinkRequests(PowUsersService users, MagicLinkTokens tokens, MagicLinkMails mails,
			RequestThrottle throttle) {
		super(users, throttle, tokens::generate, (request, user, address, token) -> mails.sendMagicLink(request, user,
				address, tokens.issue(token, user.getId(), address)));
	}

}
