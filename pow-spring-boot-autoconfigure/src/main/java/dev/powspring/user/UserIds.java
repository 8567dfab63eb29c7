package dev.powspring.user;

import java.util.Locale;

/**
 * Normalization of user ids, applied on every write and every lookup so that
 * {@code " TEST@example.COM "} and {@code "test@example.com"} are the same user.
 */
public final class UserIds {

	private UserIds() {
	}

	/**
	 * Trim and lower-case a user id.
	 * @param userId the user id as entered, may be {@code null}
	 * @return the normalized user id, or {@code null}
	 */
	public static String normalize(String userId) {
		return (userId != null) ? userId.trim().toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Return whether a normalized user id can be stored and looked up. Control characters
	 * are refused: PostgreSQL rejects a NUL in text, and none belongs in a user id.
	 * @param userId the normalized user id
	 * @return {@code true} when it has no control character
	 */
	public static boolean isStorable(String userId) {
		return userId != null && userId.chars().noneMatch(Character::isISOControl);
	}

}
