package dev.powspring.mail;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import dev.powspring.throttle.RequestThrottle;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Asking for a link mailed to an account's address, such as a password reset link or a
 * magic link, wherever the request comes from (the web form, the API): the throttle, the
 * lookup by email and the mail, in the same time whether or not an account has the
 * address. An extension gives it how to make its tokens and how to issue one and mail the
 * link.
 */
public class MailedLinkRequests {

	private final PowUsersService users;

	private final RequestThrottle throttle;

	private final Supplier<String> tokens;

	private final LinkSender sender;

	/**
	 * Create an instance.
	 * @param users finds the account by email
	 * @param throttle limits the requests, or {@code null} when throttling is off
	 * @param tokens makes the raw token of a link
	 * @param sender issues the token for the account and mails the link
	 */
	public MailedLinkRequests(PowUsersService users, RequestThrottle throttle, Supplier<String> tokens,
			LinkSender sender) {
		this.users = users;
		this.throttle = throttle;
		this.tokens = tokens;
		this.sender = sender;
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
	 * Mail a link when an account that is not locked has the address.
	 * @param request the request, for the link's host and the mail's locale
	 * @param email the address asked for
	 * @return the account, or empty
	 */
	public Optional<PowUser> send(HttpServletRequest request, String email) {
		// Made before the lookup, so known and unknown emails take the same time.
		String token = this.tokens.get();
		// A locked account is as good as none: the same answer, and no mail.
		Optional<PowUser> user = this.users.getByEmail(email).filter((found) -> !found.isLocked());
		user.ifPresent((found) -> this.users.emailOf(found)
			.ifPresent((address) -> this.sender.send(request, found, address, token)));
		return user;
	}

	/**
	 * Issues the token of a link for an account and mails the link.
	 */
	@FunctionalInterface
	public interface LinkSender {

		/**
		 * Issue the token for the account and mail the link.
		 * @param request the request, for the link's host and the mail's locale
		 * @param user the account
		 * @param address the account's email address
		 * @param token the raw token, made before the account was looked up
		 */
		void send(HttpServletRequest request, PowUser user, String address, String token);

	}

}
