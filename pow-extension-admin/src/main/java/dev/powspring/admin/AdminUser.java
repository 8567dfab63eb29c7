package dev.powspring.admin;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the console shows them.
 *
 * @param id the primary key
 * @param userId the user id they sign in with
 * @param email their email address when it is a column of its own (users who sign in by
 * user name), else {@code null}
 * @param insertedAt when the account was created
 * @param confirmation whether and when the email address was confirmed
 * @param lockedAt when the account was locked, or {@code null}
 * @param lockedReason why, or {@code null}
 * @param roles the roles
 * @param liveSessions how many web sessions the user has, or {@code null} when the store
 * cannot tell
 * @param twoFactor whether the user has two-factor sign-in on, or {@code null} when the
 * application has no two-factor sign-in
 */
public record AdminUser(Long id, String userId, String email, Instant insertedAt, Confirmation confirmation,
		Instant lockedAt, String lockedReason, Set<String> roles, Integer liveSessions,
		Boolean twoFactor) {

	public boolean isLocked() {
		return this.lockedAt != null;
	}

	/**
	 * Whether and when a user confirmed their email address.
	 *
	 * @param tracked whether email confirmation is on; when off, nothing is confirmed
	 * @param confirmedAt when, or {@code null}
	 */
	public record Confirmation(boolean tracked, Instant confirmedAt) {

		/** The confirmation of everyone when email confirmation is off. */
		public static final Confirmation UNTRACKED = new Confirmation(false, null);

		public boolean isConfirmed() {
			return this.confirmedAt != null;
		}

	}

}
