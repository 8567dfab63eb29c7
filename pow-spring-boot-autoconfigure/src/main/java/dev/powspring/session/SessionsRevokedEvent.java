package dev.powspring.session;

import org.springframework.context.ApplicationEvent;

/**
 * Published when every session of a user was ended, as after a password reset or an
 * account deletion, so that anything else that signs the user in (remember-me tokens, say)
 * is revoked too.
 */
public class SessionsRevokedEvent extends ApplicationEvent {

	private final Long userId;

	public SessionsRevokedEvent(Object source, Long userId) {
		super(source);
		this.userId = userId;
	}

	/**
	 * Return the user whose sessions ended.
	 * @return the user's primary key
	 */
	public Long getUserId() {
		return this.userId;
	}

}
