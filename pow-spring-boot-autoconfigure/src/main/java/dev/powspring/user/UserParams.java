package dev.powspring.user;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a user submits to register or to edit the account. Plain passwords live only here,
 * never on the entity.
 */
public class UserParams {

	private String userId;

	private String password;

	private String passwordConfirmation;

	private String currentPassword;

	private Map<String, String> fields = new LinkedHashMap<>();

	public UserParams() {
	}

	public UserParams(String userId, String password, String passwordConfirmation) {
		this.userId = userId;
		this.password = password;
		this.passwordConfirmation = passwordConfirmation;
	}

	public String getUserId() {
		return this.userId;
	}

	public void setUserId(String userId) {
		this.userId = userId;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getPasswordConfirmation() {
		return this.passwordConfirmation;
	}

	public void setPasswordConfirmation(String passwordConfirmation) {
		this.passwordConfirmation = passwordConfirmation;
	}

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	/**
	 * Return the values of the application's own user properties, by property name. Only
	 * those named in {@code pow.user-fields} are applied; forms send them as
	 * {@code fields[displayName]}.
	 * @return the values, never {@code null}
	 */
	public Map<String, String> getFields() {
		return this.fields;
	}

	public void setFields(Map<String, String> fields) {
		this.fields = (fields != null) ? fields : new LinkedHashMap<>();
	}

	@Override
	public String toString() {
		return "UserParams[userId=" + this.userId + "]";
	}

}
