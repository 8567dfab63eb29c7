package dev.powspring.user;

import org.springframework.validation.BindingResult;

/**
 * The outcome of creating or updating a user: the stored user, or field errors whose
 * codes resolve through the {@code MessageSource} (keys {@code pow.validation.*}).
 *
 * @param user the stored user, or {@code null} when validation failed
 * @param errors the field errors, bound to the submitted {@link UserParams} under the
 * object name {@code user}
 */
public record UserResult(PowUser user, BindingResult errors) {

	/**
	 * Return whether the user was stored.
	 * @return {@code true} without errors
	 */
	public boolean succeeded() {
		return !this.errors.hasErrors();
	}

}
