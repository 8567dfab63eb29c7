package dev.powspring.event;

/**
 * What a {@link PowAuthEvent} reports. Each has a stable {@link #code()}, used in the audit
 * trail and in metrics tags.
 */
public enum PowAuthEventType {

	/** A new account was stored. */
	REGISTERED,

	/**
	 * A new sign-in: a password, a remember-me cookie, a magic link, a passkey or the API,
	 * as detail {@code method}. A remember-me use and an API token issue are sign-ins of
	 * those methods.
	 */
	SIGNED_IN,

	/**
	 * A sign-in that failed, with detail {@code reason}: {@code bad_credentials},
	 * {@code unconfirmed}, {@code locked}, {@code throttled}, {@code second_factor}, or a
	 * guard's own code.
	 */
	SIGN_IN_FAILED,

	/** The user signed out. */
	SIGNED_OUT,

	/** A request came with a session that had ended by expiry. */
	SESSION_EXPIRED,

	/** A session's token was replaced, as it is each renewal interval. */
	SESSION_ROTATED,

	/**
	 * Sessions or devices were ended on purpose, from the devices page, the API or the
	 * admin console: detail {@code scope} is {@code one}, {@code others} or {@code all}.
	 */
	SESSIONS_ENDED,

	/** The user changed their password. */
	PASSWORD_CHANGED,

	/** A password reset link was asked for an existing account. */
	PASSWORD_RESET_REQUESTED,

	/** A password was set through a reset link. */
	PASSWORD_RESET_COMPLETED,

	/** An email address was confirmed. */
	EMAIL_CONFIRMED,

	/** The account's email address changed. */
	EMAIL_CHANGED,

	/** A used remember-me token came back: every session of the user was ended. */
	REMEMBER_ME_THEFT,

	/** An API renewal token was exchanged for a new pair. */
	API_TOKEN_RENEWED,

	/** A used API renewal token came back: every session of the user was ended. */
	API_TOKEN_THEFT,

	/** Two-factor sign-in was turned on. */
	TWO_FACTOR_ENABLED,

	/** Two-factor sign-in was turned off. */
	TWO_FACTOR_DISABLED,

	/** A passkey was registered. */
	PASSKEY_ADDED,

	/** A passkey was removed. */
	PASSKEY_REMOVED,

	/** An invitation was sent. */
	INVITATION_SENT,

	/** An invitation was accepted. */
	INVITATION_ACCEPTED,

	/** An invitation was withdrawn before it was accepted. */
	INVITATION_REVOKED,

	/** The account was locked, with detail {@code reason} when one was given. */
	USER_LOCKED,

	/** The account was unlocked. */
	USER_UNLOCKED,

	/** The account's roles changed, with details {@code granted} or {@code revoked}. */
	ROLES_CHANGED,

	/** The account was deleted. */
	ACCOUNT_DELETED,

	/**
	 * An admin action with no event of its own, such as sending a confirmation link:
	 * detail {@code action}. Admin actions that have one (a lock, a role change) publish
	 * that, with the admin as {@link PowAuthEvent#actorId()}.
	 */
	ADMIN_ACTION;

	/**
	 * Return the stable code of this type.
	 * @return the code, such as {@code sign_in_failed}
	 */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Return the type of a code.
	 * @param code a code as {@link #code()} gives it
	 * @return the type
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static PowAuthEventType ofCode(String code) {
		return valueOf(code.toUpperCase(java.util.Locale.ROOT));
	}

}
