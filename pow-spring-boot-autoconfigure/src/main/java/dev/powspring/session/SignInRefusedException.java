package dev.powspring.session;

import dev.powspring.user.PowUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when a {@link PowSignInGuard} refuses a user a session. Pow's controllers turn it
 * into a page through their callbacks; anywhere else it answers 403.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class SignInRefusedException extends RuntimeException {

	private final transient PowUser user;

	private final String reason;

	public SignInRefusedException(PowUser user, String reason) {
		super("Sign-in refused: " + reason);
		this.user = user;
		this.reason = reason;
	}

	/**
	 * Return the user who was refused.
	 * @return the user
	 */
	public PowUser getUser() {
		return this.user;
	}

	/**
	 * Return the guard's reason code.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
