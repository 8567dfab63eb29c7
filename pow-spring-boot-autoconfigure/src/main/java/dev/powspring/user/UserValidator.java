package dev.powspring.user;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

import dev.powspring.password.PowPasswordEncoder;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.validation.Errors;

import static dev.powspring.user.ValidationCodes.BLANK;
import static dev.powspring.user.ValidationCodes.CONFIRMATION;
import static dev.powspring.user.ValidationCodes.INVALID;
import static dev.powspring.user.ValidationCodes.INVALID_FORMAT;
import static dev.powspring.user.ValidationCodes.TAKEN;
import static dev.powspring.user.ValidationCodes.TOO_LONG;
import static dev.powspring.user.ValidationCodes.TOO_MANY_BYTES;
import static dev.powspring.user.ValidationCodes.TOO_SHORT;

/**
 * Validates a registration or an account edit in Pow's order: user id, current password,
 * confirmation, password; whether the user id is taken is checked only once all else is
 * valid. Error codes are the {@link ValidationCodes}.
 */
final class UserValidator {

	// The width of the user id column.
	private static final int USER_ID_MAX_LENGTH = 255;

	private final UserIdField userIdField;

	private final int passwordMinLength;

	private final int passwordMaxLength;

	private static final int BCRYPT_MAX_BYTES = 72;

	private final PasswordEncoder passwordEncoder;

	private final int passwordMaxBytes;

	private boolean passwordOptional;

	UserValidator(UserIdField userIdField, int passwordMinLength, int passwordMaxLength,
			PasswordEncoder passwordEncoder) {
		this.userIdField = userIdField;
		this.passwordMinLength = passwordMinLength;
		this.passwordMaxLength = passwordMaxLength;
		this.passwordEncoder = passwordEncoder;
		this.passwordMaxBytes = maxPasswordBytes(passwordEncoder);
	}

	/**
	 * Set whether users may have no password, because another way in exists (see
	 * {@link PasswordlessSignIn}): a blank password is then no error for a new user or one
	 * without a password.
	 * @param passwordOptional whether a password may be left out
	 */
	void setPasswordOptional(boolean passwordOptional) {
		this.passwordOptional = passwordOptional;
	}

	boolean isPasswordOptional() {
		return this.passwordOptional;
	}

	/**
	 * Validate the params against the user (new or stored) and work out the changes.
	 * @param user the user as stored, or a new instance
	 * @param params what the user submitted
	 * @param errors where field errors go
	 * @return the changes to apply, meaningful only when no error was added
	 */
	Changes validate(PowUser user, UserParams params, Errors errors) {
		String userId = validateUserId(user, params.getUserId(), errors);
		validateCurrentPassword(user, params.getCurrentPassword(), errors);
		String password = params.getPassword();
		boolean passwordGiven = hasText(password);
		if (passwordGiven && !password.equals(params.getPasswordConfirmation())) {
			errors.rejectValue("passwordConfirmation", CONFIRMATION);
		}
		validatePassword(user, password, errors);
		if (errors.hasErrors()) {
			return null;
		}
		return new Changes(userId, passwordGiven ? this.passwordEncoder.encode(password) : null);
	}

	/**
	 * Validate only the user id, for a user stored without a password.
	 * @param user a new instance
	 * @param params what was submitted
	 * @param errors where field errors go
	 * @return the changes to apply, meaningful only when no error was added
	 */
	Changes validateUserIdOnly(PowUser user, UserParams params, Errors errors) {
		String userId = validateUserId(user, params.getUserId(), errors);
		return errors.hasErrors() ? null : new Changes(userId, null);
	}

	/**
	 * Validate a new password set without the current one, as in a password reset: the
	 * password is required, with a matching confirmation.
	 * @param params what the user submitted
	 * @param errors where field errors go
	 * @return the changes to apply, meaningful only when no error was added
	 */
	Changes validatePasswordReset(UserParams params, Errors errors) {
		String password = params.getPassword();
		if (!hasText(password)) {
			errors.rejectValue("password", BLANK);
			return null;
		}
		if (!password.equals(params.getPasswordConfirmation())) {
			errors.rejectValue("passwordConfirmation", CONFIRMATION);
		}
		validatePassword(null, password, errors);
		return errors.hasErrors() ? null : new Changes(null, this.passwordEncoder.encode(password));
	}

	private String validateUserId(PowUser user, String submitted, Errors errors) {
		if (!hasText(submitted)) {
			if (user.getUserId() == null) {
				errors.rejectValue("userId", BLANK);
			}
			return null;
		}
		String userId = UserIds.normalize(submitted);
		if (!UserIds.isStorable(userId)
				|| (this.userIdField == UserIdField.EMAIL && !EmailFormat.isValid(userId))) {
			errors.rejectValue("userId", INVALID_FORMAT);
		}
		else if (userId.length() > USER_ID_MAX_LENGTH) {
			errors.rejectValue("userId", TOO_LONG, lengthArgument(USER_ID_MAX_LENGTH), null);
		}
		return userId;
	}

	/**
	 * Check, last and only for an otherwise valid form, whether another user has the
	 * submitted user id. Whatever else is wrong, a taken and a free user id get the same
	 * answer (and the same queries), so a form with a mistake in it cannot tell which
	 * accounts exist.
	 * @param user the user as stored, or a new instance
	 * @param params what was submitted
	 * @param userIdTaken whether another user has the given normalized user id
	 * @param errors where the field error goes
	 */
	void checkTaken(PowUser user, UserParams params, Predicate<String> userIdTaken, Errors errors) {
		String userId = UserIds.normalize(params.getUserId());
		if (!errors.hasErrors() && userId != null && !userId.isEmpty() && !userId.equals(user.getUserId())
				&& userIdTaken.test(userId)) {
			errors.rejectValue("userId", TAKEN);
		}
	}

	private void validateCurrentPassword(PowUser user, String currentPassword, Errors errors) {
		if (user.getPasswordHash() == null) {
			return;
		}
		if (!hasText(currentPassword)) {
			errors.rejectValue("currentPassword", BLANK);
		}
		else if (!this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			errors.rejectValue("currentPassword", INVALID);
		}
	}

	private void validatePassword(PowUser user, String password, Errors errors) {
		if (!hasText(password)) {
			if (user != null && user.getPasswordHash() == null && !this.passwordOptional) {
				errors.rejectValue("password", BLANK);
			}
			return;
		}
		int length = password.codePointCount(0, password.length());
		if (length < this.passwordMinLength) {
			errors.rejectValue("password", TOO_SHORT, lengthArgument(this.passwordMinLength), null);
		}
		else if (length > this.passwordMaxLength) {
			errors.rejectValue("password", TOO_LONG, lengthArgument(this.passwordMaxLength), null);
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > this.passwordMaxBytes) {
			errors.rejectValue("password", TOO_MANY_BYTES, lengthArgument(this.passwordMaxBytes), null);
		}
	}

	// BCrypt refuses passwords over 72 bytes rather than hash them; say so as a field error.
	private static int maxPasswordBytes(PasswordEncoder passwordEncoder) {
		if (passwordEncoder instanceof PowPasswordEncoder powEncoder) {
			return powEncoder.maxPasswordBytes();
		}
		return (passwordEncoder instanceof BCryptPasswordEncoder) ? BCRYPT_MAX_BYTES : Integer.MAX_VALUE;
	}

	// A string, so the message shows 4096 rather than a locale's 4,096.
	private static Object[] lengthArgument(int length) {
		return new Object[] { String.valueOf(length) };
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * Validated changes to a user.
	 *
	 * @param userId the new normalized user id, or {@code null} to keep it
	 * @param passwordHash the new password hash, or {@code null} to keep it
	 */
	record Changes(String userId, String passwordHash) {

		void applyTo(PowUser user) {
			if (this.userId != null) {
				user.setUserId(this.userId);
			}
			if (this.passwordHash != null) {
				user.setPasswordHash(this.passwordHash);
			}
		}

	}

}
