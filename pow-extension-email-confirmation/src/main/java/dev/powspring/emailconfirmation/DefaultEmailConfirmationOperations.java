package dev.powspring.emailconfirmation;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.user.EmailConfirmationOperations;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Email confirmation as the rest of Pow sees it, over the confirmation state and mails.
 * A link asked for here is not throttled: whoever asks (an admin) is trusted. An address
 * that {@link #confirm} confirms is published as {@link PowAuthEventType#EMAIL_CONFIRMED}.
 */
public class DefaultEmailConfirmationOperations implements EmailConfirmationOperations {

	private final EmailConfirmations confirmations;

	private final EmailConfirmationMails mails;

	private final PowUsersService users;

	private final PowAuthEvents events;

	public DefaultEmailConfirmationOperations(EmailConfirmations confirmations, EmailConfirmationMails mails,
			PowUsersService users, PowAuthEvents events) {
		this.confirmations = confirmations;
		this.mails = mails;
		this.users = users;
		this.events = events;
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
		Optional<String> address = this.users.emailOf(user);
		if (address.isPresent() && this.confirmations.markConfirmed(user.getId(), address.get())) {
			// Only when this confirmed it: a magic link to a confirmed address confirms nothing.
			this.events.of(PowAuthEventType.EMAIL_CONFIRMED, user).publish();
		}
		return this.users.getById(user.getId()).orElse(user);
	}

}
