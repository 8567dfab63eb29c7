package dev.powspring.twofactor;

import java.util.Collection;
import java.util.Set;

import dev.powspring.user.PowUser;
import dev.powspring.user.TwoFactorOperations;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Two-factor sign-in as the rest of Pow sees it, such as the admin console: who has it
 * on, and turning it off for a user who lost every device. Turning it off publishes a
 * {@link TwoFactorDisabledEvent} marked as an admin's; the caller publishes the auth event
 * {@code TWO_FACTOR_DISABLED}, as only it knows which admin acted (the admin console does).
 */
public class DefaultTwoFactorOperations implements TwoFactorOperations {

	private final TwoFactors twoFactors;

	private final ApplicationEventPublisher events;

	public DefaultTwoFactorOperations(TwoFactors twoFactors, ApplicationEventPublisher events) {
		this.twoFactors = twoFactors;
		this.events = events;
	}

	@Override
	public Set<Long> enabledAmong(Collection<Long> userIds) {
		return this.twoFactors.enabledAmong(userIds);
	}

	@Override
	public boolean disable(PowUser user, HttpServletRequest request) {
		boolean disabled = this.twoFactors.disable(user.getId());
		if (disabled) {
			this.events.publishEvent(new TwoFactorDisabledEvent(this, user.getId(), true));
		}
		return disabled;
	}

}
