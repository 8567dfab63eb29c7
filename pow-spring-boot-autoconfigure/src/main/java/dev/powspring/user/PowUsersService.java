package dev.powspring.user;

import java.util.Optional;
import java.util.Set;

/**
 * Pow's users context: everything Pow does with users goes through this interface.
 * Declare a bean of this type to replace the JPA default.
 */
public interface PowUsersService {

	/**
	 * Find the user with the given credentials. A missing user id or password, an unknown
	 * user, a user without a password and a wrong password all fail alike, and take as
	 * long as a real password check. Never throws for any input.
	 * @param userId the user id as entered, normalized before the lookup
	 * @param password the password as entered
	 * @return the user, or empty when the credentials do not match
	 */
	Optional<PowUser> authenticate(String userId, String password);

	/**
	 * Validate the parameters and store a new user.
	 * @param params the registration form
	 * @return the stored user, or the field errors
	 */
	UserResult create(UserParams params);

	/**
	 * Store a new user that has no password yet, such as an invited one, who cannot sign
	 * in until a password is set. Only the user id is validated.
	 * @param params the form with the user id
	 * @return the stored user, or the field errors
	 */
	UserResult createWithoutPassword(UserParams params);

	/**
	 * Validate the parameters and apply them to the user. The current password is required
	 * whenever the user has one.
	 * @param user the user to update
	 * @param params the edit form; a blank password or user id leaves it unchanged
	 * @return the updated user, or the field errors (the user is left unchanged)
	 */
	UserResult update(PowUser user, UserParams params);

	/**
	 * Set a new password without asking for the current one, as after a password reset.
	 * The password and a matching confirmation are required.
	 * @param user the user
	 * @param params the form with the new password and its confirmation
	 * @return the updated user, or the field errors
	 */
	UserResult resetPassword(PowUser user, UserParams params);

	/**
	 * Delete the user.
	 * @param user the user to delete
	 */
	void delete(PowUser user);

	/**
	 * Find a user by user id, normalized (trimmed and lower-cased) first.
	 * @param userId the user id
	 * @return the user, or empty
	 */
	Optional<PowUser> getByUserId(String userId);

	/**
	 * Find a user by primary key.
	 * @param id the primary key
	 * @return the user, or empty
	 */
	Optional<PowUser> getById(Long id);

	/**
	 * Tell whether users have an email address that mail can reach them at. The default
	 * is right when users sign in by email; a users service of the username mode says
	 * whether its users have an email column ({@link PowUsernameUser}).
	 * @return whether password reset, email confirmation and invitations can mail users
	 */
	default boolean storesEmails() {
		return true;
	}

	/**
	 * Tell whether users may register, and keep their account, without a password, because
	 * another way in exists, such as mailed sign-in links ({@link PasswordlessSignIn}). Such
	 * a user edits and deletes the account without a current password.
	 * @return whether a password may be left out; {@code false} by default
	 */
	default boolean passwordOptional() {
		return false;
	}

	/**
	 * Find a user by email address, normalized first. The default looks the address up as
	 * the user id, which is right when users sign in by email.
	 * @param email the address
	 * @return the user, or empty
	 */
	default Optional<PowUser> getByEmail(String email) {
		return getByUserId(email);
	}

	/**
	 * Return the address mail reaches the user at. The default is the user id, which is
	 * right when users sign in by email.
	 * @param user the user
	 * @return the address, or empty when the user has none
	 */
	default Optional<String> emailOf(PowUser user) {
		return Optional.ofNullable(user.getUserId());
	}

	/**
	 * Replace a user's roles. Every session of the user sees the new roles at once.
	 * @param user the user
	 * @param roles the roles, such as {@code admin}
	 * @return the user as now stored
	 * @throws IllegalArgumentException for a name that cannot be a role
	 */
	default PowUser setRoles(PowUser user, Set<String> roles) {
		throw new UnsupportedOperationException(getClass().getName() + " does not store roles");
	}

	/**
	 * Lock an account: it cannot sign in, and every session and token it has ends at once,
	 * on every node.
	 * @param user the user
	 * @param reason why, for whoever looks after users
	 * @return the user as now stored
	 */
	default PowUser lock(PowUser user, String reason) {
		throw new UnsupportedOperationException(getClass().getName() + " does not lock accounts");
	}

	/**
	 * Unlock an account: it can sign in again. No session comes back.
	 * @param user the user
	 * @return the user as now stored
	 */
	default PowUser unlock(PowUser user) {
		throw new UnsupportedOperationException(getClass().getName() + " does not lock accounts");
	}

}
