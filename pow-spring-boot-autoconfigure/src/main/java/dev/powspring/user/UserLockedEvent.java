package dev.powspring.user;

import org.springframework.context.ApplicationEvent;

/**
 * Published when an account was locked, so that everything that signs the user in ends:
 * Pow ends every session of the user, which revokes remember-me and API tokens too.
 */
public class UserLockedEvent extends ApplicationEvent {

	private final transient PowUser user;

	/**
	 * Create an instance.
	 * @param source the publisher
	 * @param user the user as now stored
	 */
	public UserLockedEvent(Object source, PowUser user) {
		super(source);
		this.user = user;
	}

	public PowUser getUser() {
		return this.user;
	}

}
