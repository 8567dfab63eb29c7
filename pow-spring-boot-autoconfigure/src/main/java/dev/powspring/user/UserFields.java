package dev.powspring.user;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Lob;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.SimpleTypeConverter;
import org.springframework.beans.TypeMismatchException;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.Errors;

/**
 * The application's own user properties that forms may set. Only permitted names are
 * applied, so a form can never reach the id, the user id or the password hash this way.
 */
final class UserFields {

	// Pow's own columns: set only through validation, never from a form field.
	private static final Set<String> RESERVED = Set.of("id", "userId", "passwordHash", "insertedAt", "updatedAt", "roles", "lockedAt",
			"lockedReason", "locked");

	private final Class<? extends PowUser> userClass;

	// JPA's length for a String column that does not name one.
	private static final int DEFAULT_COLUMN_LENGTH = 255;

	private volatile Set<String> permitted = Set.of();

	// The longest text each permitted String property's column takes, where it is known.
	private volatile Map<String, Integer> maxLengths = Map.of();

	UserFields(Class<? extends PowUser> userClass) {
		this.userClass = userClass;
	}

	void permit(Iterable<String> names) {
		BeanWrapper wrapper = new BeanWrapperImpl(this.userClass);
		Set<String> checked = new LinkedHashSet<>();
		Map<String, Integer> lengths = new HashMap<>();
		for (String name : names) {
			if (!wrapper.isWritableProperty(name) || RESERVED.contains(name)) {
				throw new IllegalArgumentException(
						"'" + name + "' is not a writable property of " + this.userClass.getName()
								+ " that forms may set");
			}
			checked.add(name);
			if (String.class.equals(wrapper.getPropertyType(name))) {
				columnLength(name).ifPresent((length) -> lengths.put(name, length));
			}
		}
		this.permitted = Set.copyOf(checked);
		this.maxLengths = Map.copyOf(lengths);
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
			Integer maxLength = this.maxLengths.get(name);
			if (maxLength != null && value != null && value.codePointCount(0, value.length()) > maxLength) {
				// Refused here as a field error, not by the database as a failed write.
				errors.rejectValue("fields[" + name + "]", ValidationCodes.TOO_LONG,
						new Object[] { String.valueOf(maxLength) }, null);
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

	// The length of the property's column as its mapping declares it: @Column's length
	// (255 unless set, as in JPA), none for a @Lob or a column defined in SQL of its own.
	private Optional<Integer> columnLength(String name) {
		Field field = ReflectionUtils.findField(this.userClass, name);
		if (field == null || field.isAnnotationPresent(Lob.class)) {
			return Optional.empty();
		}
		Column column = field.getAnnotation(Column.class);
		if (column == null) {
			return Optional.of(DEFAULT_COLUMN_LENGTH);
		}
		return column.columnDefinition().isEmpty() ? Optional.of(column.length()) : Optional.empty();
	}

	void applyTo(PowUser user, Map<String, Object> values) {
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(user);
		values.forEach(wrapper::setPropertyValue);
	}

	private static String blankToNull(String value) {
		return (value != null && !value.isBlank()) ? value : null;
	}

}
