package dev.powspring.session;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.user.PowUser;

/**
 * Refuses a session to a locked account, whatever signs it in.
 */
public class LockedAccountSignInGuard implements PowSignInGuard {

	/** Reason code of a refusal for a locked account. */
	public static final String ACCOUNT_LOCKED = "account_locked";

	@Override
	public String refusal(PowUser user) {
		return user.isLocked() ? ACCOUNT_LOCKED : null;
	}

	@Override
	public String failureReason(String refusal) {
		return PowAuthEvent.LOCKED;
	}

}
