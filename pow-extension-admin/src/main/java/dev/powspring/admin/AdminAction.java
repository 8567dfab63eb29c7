package dev.powspring.admin;

/**
 * What an admin did to a user through the console.
 */
public enum AdminAction {

	/** Locked the account; the event's detail is the reason given. */
	LOCK,

	/** Unlocked the account. */
	UNLOCK,

	/** Granted a role; the event's detail is the role. */
	GRANT_ROLE,

	/** Revoked a role; the event's detail is the role. */
	REVOKE_ROLE,

	/** Ended every session and token of the user. */
	END_SESSIONS,

	/** Mailed a new confirmation link. */
	SEND_CONFIRMATION,

	/** Turned two-factor sign-in off, for a user who lost every device. */
	DISABLE_TWO_FACTOR,

	/** Deleted the account. */
	DELETE

}
