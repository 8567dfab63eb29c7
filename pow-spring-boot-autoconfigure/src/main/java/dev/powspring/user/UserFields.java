package dev.powspring.user;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.SimpleTypeConverter;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.Errors;

/**
 * The application's own user properties that forms may set. Only permitted names are
 * applied, so a form can never reach the id, the user id or the password hash this way.
 */
final class UserFields {

	// Pow's own columns: set only through validation, never from a form field.
	private static final Set<String> RESERVED = Set.of("id", "userId", "passwordHash", "insertedAt", "updatedAt");

	private final Class<? extends PowUser> userClass;

	private volatile Set<String> permitted = Set.of();

	UserFields(Class<? extends PowUser> userClass) {
		this.userClass = userClass;
	}

	void permit(Iterable<String> names) {
		BeanWrapper wrapper = new BeanWrapperImpl(this.userClass);
		Set<String> checked = new LinkedHashSet<>();
		for (String name : names) {
			if (!wrapper.isWritableProperty(name) || RESERVED.contains(name)) {
				throw new IllegalArgumentException(
						"'" + name + "' is not a writable property of " + this.userClass.getName()
								+ " that forms may set");
			}
			checked.add(name);
		}
		this.permitted = Set.copyOf(checked);
	}

	/**
	 * Convert the submitted values of the permitted properties to their types.
	 * @param params the submitted form
	 * @param errors where a value that does not convert is reported
	 * @return the converted values by property name
	 */
	Map<String, Object> convert(UserParams params, Errors errors) {
		Map<String, Object> converted = new LinkedHashMap<>();
		if (this.permitted.isEmpty()) {
			return converted;
		}
		BeanWrapper wrapper = new BeanWrapperImpl(this.userClass);
		SimpleTypeConverter converter = new SimpleTypeConverter();
		params.getFields().forEach((name, value) -> {
			if (!this.permitted.contains(name)) {
				return;
			}
			try {
				converted.put(name, converter.convertIfNecessary(blankToNull(value), wrapper.getPropertyType(name)));
			}
			catch (TypeMismatchException ex) {
				errors.rejectValue("fields[" + name + "]", ValidationCodes.INVALID);
			}
		});
		return converted;
	}

	void applyTo(PowUser user, Map<String, Object> values) {
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(user);
		values.forEach(wrapper::setPropertyValue);
	}

	private static String blankToNull(String value) {
		return (value != null && !value.isBlank()) ? value : null;
	}

}
