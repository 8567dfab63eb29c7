package dev.powspring.twofactor;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a user turned two-factor sign-in on, by confirming a first code.
 */
public class TwoFactorEnabledEvent extends ApplicationEvent {

	private final Long userId;

	/**
	 * Create an event.
	 * @param source the publisher
	 * @param userId the user's primary key
	 */
	public TwoFactorEnabledEvent(Object source, Long userId) {
		super(source);
		this.userId = userId;
	}

	public Long getUserId() {
		return this.userId;
	}

}
