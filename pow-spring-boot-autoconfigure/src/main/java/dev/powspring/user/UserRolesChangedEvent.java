package dev.powspring.user;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a user's roles changed, so that every session of the user, of every
 * kind, sees the new roles at once: Pow replaces the shared copy of the user.
 */
public class UserRolesChangedEvent extends ApplicationEvent {

	private final transient PowUser user;

	/**
	 * Create an instance.
	 * @param source the publisher
	 * @param user the user as now stored
	 */
	public UserRolesChangedEvent(Object source, PowUser user) {
		super(source);
		this.user = user;
	}

	public PowUser getUser() {
		return this.user;
	}

}
