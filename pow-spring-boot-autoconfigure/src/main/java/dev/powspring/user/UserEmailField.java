package dev.powspring.user;

import org.springframework.validation.Errors;

/**
 * The email address of users who sign in by user name ({@link PowUsernameUser}), as the
 * forms submit it in {@code fields[email]}: optional, trimmed and lower-cased, and checked
 * for its format before it is stored.
 */
final class UserEmailField {

	/** Name of the property, and of the form field under {@code fields}. */
	static final String NAME = "email";

	/** Path of the form field, where its errors are reported. */
	static final String PATH = "fields[" + NAME + "]";

	// The column's length.
	private static final int MAX_LENGTH = 255;

	private UserEmailField() {
	}

	/**
	 * Read the address a form submitted.
	 * @param params the form
	 * @param errors where a malformed address is reported
	 * @return the change the form asks for, or {@code null} when it leaves the address as
	 * it is (no such field, or a malformed address)
	 */
	static Change read(UserParams params, Errors errors) {
		if (!params.getFields().containsKey(NAME)) {
			return null;
		}
		String address = UserIds.normalize(params.getFields().get(NAME));
		if (address == null || address.isEmpty()) {
			return new Change(null);
		}
		if (address.length() > MAX_LENGTH || !UserIds.isStorable(address) || !EmailFormat.isValid(address)) {
			errors.rejectValue(PATH, ValidationCodes.INVALID_FORMAT);
			return null;
		}
		return new Change(address);
	}

	/**
	 * A new address for the user.
	 * @param address the normalized address, or {@code null} to remove it
	 */
	record Change(String address) {

	}

}
