package dev.powspring.emailconfirmation;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.session.PowSignInGuard;
import dev.powspring.user.PowUser;

/**
 * Refuses a session to a user whose email is not confirmed, whatever signs the user in.
 */
public class EmailConfirmationSignInGuard implements PowSignInGuard {

	/** The reason code of the refusal. */
	public static final String EMAIL_UNCONFIRMED = "email_unconfirmed";

	private final EmailConfirmations confirmations;

	public EmailConfirmationSignInGuard(EmailConfirmations confirmations) {
		this.confirmations = confirmations;
	}

	@Override
	public String refusal(PowUser user) {
		return this.confirmations.isConfirmed(user.getId()) ? null : EMAIL_UNCONFIRMED;
	}

	/**
	 * Report the refusal as a sign-in failed for reason {@link PowAuthEvent#UNCONFIRMED}.
	 */
	@Override
	public String failureReason(String refusal) {
		return PowAuthEvent.UNCONFIRMED;
	}

}
