package dev.powspring.web.callback;

/**
 * The actions of Pow's controllers that callbacks take part in.
 */
public enum PowAction {

	/** Sign in. */
	SESSION_CREATE,

	/** Sign out. */
	SESSION_DELETE,

	/** Register. */
	REGISTRATION_CREATE,

	/** Edit the account. */
	REGISTRATION_UPDATE,

	/** Delete the account. */
	REGISTRATION_DELETE

}
