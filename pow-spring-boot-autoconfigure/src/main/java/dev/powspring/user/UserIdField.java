package dev.powspring.user;

/**
 * The field users sign in with.
 */
public enum UserIdField {

	/**
	 * An email address, validated for format; Pow's default.
	 */
	EMAIL("email"),

	/**
	 * A free-form user name.
	 */
	USERNAME("username");

	private final String column;

	UserIdField(String column) {
		this.column = column;
	}

	/**
	 * Return the name of the {@code users} column that holds the user id.
	 * @return the column name
	 */
	public String column() {
		return this.column;
	}

}
