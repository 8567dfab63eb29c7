package dev.powspring.user;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.validation.Errors;

/**
 * Applies the Bean Validation annotations of the application's user entity, such as
 * {@code @Pattern} or {@code @Email} on its own columns. A violation on the user id or on
 * one of {@code pow.user-fields} becomes a field error beside that field, coded by the
 * constraint's name (such as {@code Pattern}) and shown with its interpolated message
 * unless the {@code MessageSource} has the code; any other violation is a global error.
 */
public class BeanValidationPowUserValidator implements PowUserValidator {

	private final Validator validator;

	/**
	 * Create an instance.
	 * @param validator the Bean Validation validator
	 */
	public BeanValidationPowUserValidator(Validator validator) {
		this.validator = validator;
	}

	@Override
	public void validate(PowUser candidate, UserParams params, Errors errors) {
		for (ConstraintViolation<PowUser> violation : this.validator.validate(candidate)) {
			String property = violation.getPropertyPath().toString();
			String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
			String field = field(property, params);
			if (field != null && !errors.hasFieldErrors(field)) {
				errors.rejectValue(field, code, violation.getMessage());
			}
			else if (field == null) {
				errors.reject(code, property + " " + violation.getMessage());
			}
		}
	}

	// The form field a property is edited through, or null when no form field edits it.
	private static String field(String property, UserParams params) {
		if ("userId".equals(property)) {
			return property;
		}
		return params.getFields().containsKey(property) ? "fields[" + property + "]" : null;
	}

}
