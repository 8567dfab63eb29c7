package dev.powspring.user;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Users' roles: names of lower-case letters, digits, {@code -} and {@code _}, stored in the
 * user's row as one comma-separated column.
 */
public final class UserRoles {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

	private UserRoles() {
	}

	/**
	 * Tell whether a name can be a role.
	 * @param name the name
	 * @return {@code true} for a valid role name
	 */
	public static boolean isValid(String name) {
		return name != null && NAME.matcher(name).matches();
	}

	/**
	 * Check role names and return them sorted.
	 * @param names the names
	 * @return the roles, unmodifiable
	 * @throws IllegalArgumentException for a name that cannot be a role
	 */
	public static Set<String> of(Collection<String> names) {
		for (String name : names) {
			if (!isValid(name)) {
				throw new IllegalArgumentException("'" + name + "' is not a role name: use lower-case letters, "
						+ "digits, - and _, starting with a letter, at most 32 characters");
			}
		}
		return Collections.unmodifiableSet(new TreeSet<>(names));
	}

	/**
	 * Read roles as the {@code roles} column stores them, skipping anything that is not a
	 * role name.
	 * @param column the comma-separated names, or {@code null}
	 * @return the roles, sorted
	 */
	public static Set<String> parse(String column) {
		if (column == null || column.isBlank()) {
			return new TreeSet<>();
		}
		return Arrays.stream(column.split(",")).filter(UserRoles::isValid).collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * Maps a set of roles to its column.
	 */
	@Converter
	public static class Column implements AttributeConverter<Set<String>, String> {

		@Override
		public String convertToDatabaseColumn(Set<String> roles) {
			return (roles != null) ? String.join(",", new TreeSet<>(roles)) : "";
		}

		@Override
		public Set<String> convertToEntityAttribute(String column) {
			return parse(column);
		}

	}

}
