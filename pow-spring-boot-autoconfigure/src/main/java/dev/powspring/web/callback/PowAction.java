package dev.powspring.web.callback;

/**
 * An action that controller callbacks take part in. The core's are constants here;
 * extensions define their own, such as accepting an invitation.
 *
 * @param name the action's name, unique across Pow and its extensions
 */
public record PowAction(String name) {

	/** Sign in. */
	public static final PowAction SESSION_CREATE = new PowAction("session_create");

	/** Sign out. */
	public static final PowAction SESSION_DELETE = new PowAction("session_delete");

	/** Register. */
	public static final PowAction REGISTRATION_CREATE = new PowAction("registration_create");

	/** Edit the account. */
	public static final PowAction REGISTRATION_UPDATE = new PowAction("registration_update");

	/** Delete the account. */
	public static final PowAction REGISTRATION_DELETE = new PowAction("registration_delete");

}
