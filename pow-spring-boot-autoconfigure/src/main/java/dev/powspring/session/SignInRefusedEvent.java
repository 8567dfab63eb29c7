package dev.powspring.session;

import dev.powspring.user.PowUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a {@link PowSignInGuard} refuses a user whose credentials were right,
 * whatever was signing the user in (a form, the API, remember-me), during the request, so
 * that a listener can act on the reason: email confirmation mails a new link, say.
 */
public class SignInRefusedEvent extends ApplicationEvent {

	private final transient HttpServletRequest request;

	private final transient PowUser user;

	private final String reason;

	/**
	 * Create an instance.
	 * @param source the publisher
	 * @param request the request that tried to sign the user in
	 * @param user the refused user
	 * @param reason the guard's reason code
	 */
	public SignInRefusedEvent(Object source, HttpServletRequest request, PowUser user, String reason) {
		super(source);
		this.request = request;
		this.user = user;
		this.reason = reason;
	}

	public HttpServletRequest getRequest() {
		return this.request;
	}

	public PowUser getUser() {
		return this.user;
	}

	/**
	 * Return why the user was refused.
	 * @return the reason code of the guard, such as {@code email_unconfirmed}
	 */
	public String getReason() {
		return this.reason;
	}

}
