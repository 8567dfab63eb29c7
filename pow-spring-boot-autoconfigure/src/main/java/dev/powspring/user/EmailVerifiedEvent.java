package dev.powspring.user;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a user has shown to own an email address, for example by opening an
 * invitation mailed to it; email confirmation then counts the address as confirmed.
 */
public class EmailVerifiedEvent extends ApplicationEvent {

	private final Long userId;

	private final String email;

	public EmailVerifiedEvent(Object source, Long userId, String email) {
		super(source);
		this.userId = userId;
		this.email = email;
	}

	/**
	 * Return the user.
	 * @return the user's primary key
	 */
	public Long getUserId() {
		return this.userId;
	}

	/**
	 * Return the address the user has shown to own.
	 * @return the email address
	 */
	public String getEmail() {
		return this.email;
	}

}
