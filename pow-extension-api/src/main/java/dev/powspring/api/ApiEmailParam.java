package dev.powspring.api;

import dev.powspring.user.UserIdField;
import dev.powspring.user.UserParams;

/**
 * The {@code user[email]} of an API request: the user id when users sign in by email,
 * else the email field of users who sign in by user name.
 */
final class ApiEmailParam {

	private ApiEmailParam() {
	}

	static String of(UserParams params, UserIdField userIdField) {
		return (userIdField == UserIdField.EMAIL) ? params.getUserId() : params.getFields().get("email");
	}

}
