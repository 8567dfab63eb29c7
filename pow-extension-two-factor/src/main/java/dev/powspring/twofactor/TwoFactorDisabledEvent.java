package dev.powspring.twofactor;

import org.springframework.context.ApplicationEvent;

/**
 * Published when two-factor sign-in was turned off for a user, by the user or by an admin.
 */
public class TwoFactorDisabledEvent extends ApplicationEvent {

	private final Long userId;

	private final boolean byAdmin;

	/**
	 * Create an event.
	 * @param source the publisher
	 * @param userId the user's primary key
	 * @param byAdmin whether an admin turned it off, rather than the user
	 */
	public TwoFactorDisabledEvent(Object source, Long userId, boolean byAdmin) {
		super(source);
		this.userId = userId;
		this.byAdmin = byAdmin;
	}

	public Long getUserId() {
		return this.userId;
	}

	/**
	 * Tell whether an admin turned it off.
	 * @return {@code true} for the admin console, {@code false} for the user
	 */
	public boolean isByAdmin() {
		return this.byAdmin;
	}

}
