package dev.powspring.user;

import org.springframework.validation.Errors;

/**
 * The codes of Pow's field errors, which are also their {@code MessageSource} keys.
 */
public final class ValidationCodes {

	/** A required field is empty. */
	public static final String BLANK = "pow.validation.blank";

	/** Another user has the user id. */
	public static final String TAKEN = "pow.validation.taken";

	/** The user id is not a valid email address, or has characters it cannot have. */
	public static final String INVALID_FORMAT = "pow.validation.invalid-format";

	/** The value is wrong, such as the current password. */
	public static final String INVALID = "pow.validation.invalid";

	/** The confirmation differs from the password. */
	public static final String CONFIRMATION = "pow.validation.confirmation";

	/** Shorter than the minimum; one argument, the minimum. */
	public static final String TOO_SHORT = "pow.validation.too-short";

	/** Longer than the maximum; one argument, the maximum. */
	public static final String TOO_LONG = "pow.validation.too-long";

	/**
	 * A password longer in UTF-8 bytes than the hashing algorithm takes (BCrypt's 72);
	 * one argument, the maximum.
	 */
	public static final String TOO_MANY_BYTES = "pow.validation.too-many-bytes";

	private ValidationCodes() {
	}

	/**
	 * Tell whether the only problem with a form is that its user id belongs to another
	 * user: the case that flows guarding against user enumeration answer as a success.
	 * @param errors the form's errors
	 * @return {@code true} when every error is a taken user id
	 */
	public static boolean onlyUserIdTaken(Errors errors) {
		return errors != null && errors.getGlobalErrorCount() == 0 && errors.hasFieldErrors()
				&& errors.getFieldErrors()
					.stream()
					.allMatch((error) -> "userId".equals(error.getField()) && TAKEN.equals(error.getCode()));
	}

}
