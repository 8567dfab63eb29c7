package dev.powspring.user;

import org.springframework.validation.Errors;

/**
 * The application's own rules for a user about to be registered or updated (an account
 * edit, a password reset, an accepted invitation), checked after Pow's and before anything
 * is written. Declare beans of this type; every one is asked,
 * in order. Report a problem as a field error on {@code userId}, {@code password} or
 * {@code fields[name]} (one of {@code pow.user-fields}), or as a global error; its message
 * code is resolved through the application's {@code MessageSource}, and the form shows it
 * beside the field. A user with any error is not written.
 */
@FunctionalInterface
public interface PowUserValidator {

	/**
	 * Check a user.
	 * @param candidate the user as it would be stored, with the submitted changes; not
	 * the stored user itself, and never written when an error is reported
	 * @param params the submitted form
	 * @param errors where problems go
	 */
	void validate(PowUser candidate, UserParams params, Errors errors);

}
