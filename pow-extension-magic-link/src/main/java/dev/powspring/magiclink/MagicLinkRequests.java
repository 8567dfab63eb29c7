package dev.powspring.magiclink;

import java.time.Duration;
import java.util.Optional;

import dev.powspring.throttle.RequestThrottle;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Asking for a magic link, wherever the request comes from (the web form, the API): the
 * throttle, the lookup by email and the mail, in the same time whether or not an account
 * has the address.
 */
public class MagicLinkRequests {

	private final PowUsersService users;

	private final MagicLinkTokens tokens;

	private final MagicLinkMails mails;

	private final RequestThrottle throttle;

	/**
	 * Create an instance.
	 * @param users finds the account by email
	 * @param tokens issues the link's token
	 * @param mails sends the magic link mail
	 * @param throttle limits magic link requests, or {@code null} when throttling is off
	 */
	public MagicLinkRequests(PowUsersService users, MagicLinkTokens tokens, MagicLinkMails mails,
			RequestThrottle throttle) {
		this.users = users;
		this.tokens = tokens;
		this.mails = mails;
		this.throttle = throttle;
	}

	/**
	 * Count a request against the limits.
	 * @param request the request
	 * @param email the address asked for
	 * @return how long until requests are allowed again, or empty when this one may go on
	 */
	public Optional<Duration> attempt(HttpServletRequest request, String email) {
		return (this.throttle != null) ? this.throttle.attempt(request, email) : Optional.empty();
	}

	/**
	 * Mail a magic link when an account that is not locked has the address.
	 * @param request the request, for the link's host and the mail's locale
	 * @param email the address asked for
	 * @return the account, or empty
	 */
	public Optional<PowUser> send(HttpServletRequest request, String email) {
		// Made before the lookup, so known and unknown emails take the same time.
		String token = this.tokens.generate();
		// A locked account is as good as none: the same answer, and no mail.
		Optional<PowUser> user = this.users.getByEmail(email).filter((found) -> !found.isLocked());
		user.ifPresent((found) -> this.users.emailOf(found)
			.ifPresent((address) -> this.mails.sendMagicLink(request, found, address,
					this.tokens.issue(token, found.getId(), address))));
		return user;
	}

}
