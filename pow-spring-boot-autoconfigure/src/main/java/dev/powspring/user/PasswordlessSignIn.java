package dev.powspring.user;

/**
 * A way to sign in without a password, such as mailed sign-in links, declared by the
 * extension that offers it. When a bean of this type says so, a password is optional:
 * registration accepts a blank one and stores the user without a password, and a user
 * without one edits and deletes the account without a current password.
 */
@FunctionalInterface
public interface PasswordlessSignIn {

	/**
	 * Tell whether users may register, and keep their account, without a password.
	 * @return whether a password may be left out
	 */
	boolean passwordOptional();

}
