package dev.powspring.emailconfirmation;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import dev.powspring.user.EmailConfirmationOperations;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Email confirmation as the rest of Pow sees it, over the confirmation state and mails.
 * A link asked for here is not throttled: whoever asks (an admin) is trusted.
 */
public class DefaultEmailConfirmationOperations implements EmailConfirmationOperations {

	private final EmailConfirmations confirmations;

	private final EmailConfirmationMails mails;

	private final PowUsersService users;

	public DefaultEmailConfirmationOperations(EmailConfirmations confirmations, EmailConfirmationMails mails,
			PowUsersService users) {
		this.confirmations = confirmations;
		this.mails = mails;
		this.users = users;
	}

	@Override
	public Map<Long, Instant> confirmedAt(Collection<Long> userIds) {
		return this.confirmations.confirmedAt(userIds);
	}

	@Override
	public boolean sendConfirmationLink(HttpServletRequest request, PowUser user) {
		Optional<String> address = this.users.emailOf(user);
		if (user.isLocked() || address.isEmpty() || this.confirmations.isConfirmed(user.getId())) {
			return false;
		}
		this.mails.sendConfirmationLink(request, address.get(), this.confirmations.issue(user.getId()));
		return true;
	}

	@Override
	public PowUser confirm(PowUser user) {
		this.users.emailOf(user).ifPresent((address) -> this.confirmations.markConfirmed(user.getId(), address));
		return this.users.getById(user.getId()).orElse(user);
	}

}
