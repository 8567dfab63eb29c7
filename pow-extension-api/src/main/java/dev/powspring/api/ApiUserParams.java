package dev.powspring.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.powspring.user.UserIdField;
import dev.powspring.user.UserParams;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.validation.FieldError;

/**
 * The {@code user} of an API request, as Pow's clients send it: a JSON body
 * {@code {"user": {"email": ..., "password": ..., "password_confirmation": ...}}} or form
 * fields {@code user[email]=...}. Field names are those of Pow: the user id field
 * ({@code email} or {@code username}), {@code password}, {@code password_confirmation},
 * {@code current_password}, and the application's own fields by their names.
 */
final class ApiUserParams {

	private static final Pattern FORM_FIELD = Pattern.compile("user\\[([A-Za-z0-9_]+)]");

	private static final String PASSWORD_CONFIRMATION = "password_confirmation";

	private static final String CURRENT_PASSWORD = "current_password";

	private ApiUserParams() {
	}

	/**
	 * Read the user's fields from the request.
	 * @param request the request
	 * @param userIdField the field users sign in with
	 * @return the fields as Pow's users service takes them
	 * @throws MalformedApiRequestException when the body is not JSON of that shape
	 */
	static UserParams read(HttpServletRequest request, UserIdField userIdField) {
		Map<String, String> fields = isJson(request) ? fromJson(request) : fromForm(request);
		UserParams params = new UserParams();
		fields.forEach((name, value) -> {
			if (name.equals(userIdField.column())) {
				params.setUserId(value);
			}
			else if (name.equals("password")) {
				params.setPassword(value);
			}
			else if (name.equals(PASSWORD_CONFIRMATION)) {
				params.setPasswordConfirmation(value);
			}
			else if (name.equals(CURRENT_PASSWORD)) {
				params.setCurrentPassword(value);
			}
			else {
				params.getFields().put(name, value);
			}
		});
		return params;
	}

	/**
	 * Name a field error as the client named the field.
	 * @param error the error
	 * @param userIdField the field users sign in with
	 * @return the client's name of the field
	 */
	static String clientName(FieldError error, UserIdField userIdField) {
		String field = error.getField();
		return switch (field) {
			case "userId" -> userIdField.column();
			case "passwordConfirmation" -> PASSWORD_CONFIRMATION;
			case "currentPassword" -> CURRENT_PASSWORD;
			default -> field.startsWith("fields[") ? field.substring("fields[".length(), field.length() - 1) : field;
		};
	}

	/**
	 * Tell whether the request's body is JSON.
	 * @param request the request
	 * @return {@code true} for a JSON content type
	 */
	static boolean isJson(HttpServletRequest request) {
		if (!StringUtils.hasText(request.getContentType())) {
			return false;
		}
		try {
			return MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.APPLICATION_JSON);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static Map<String, String> fromJson(HttpServletRequest request) {
		JsonNode body;
		try {
			body = JsonMapper.shared().readTree(request.getInputStream());
		}
		catch (JacksonException | IOException ex) {
			throw new MalformedApiRequestException("The body is not valid JSON");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		JsonNode user = (body != null) ? body.get("user") : null;
		if (user == null || user.isNull()) {
			return fields;
		}
		if (!user.isObject()) {
			throw new MalformedApiRequestException("\"user\" must be an object");
		}
		for (Map.Entry<String, JsonNode> field : user.properties()) {
			JsonNode value = field.getValue();
			if (value.isContainer()) {
				throw new MalformedApiRequestException("\"user." + field.getKey() + "\" must be a single value");
			}
			fields.put(field.getKey(), value.isNull() ? null : value.asString());
		}
		return fields;
	}

	private static Map<String, String> fromForm(HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			Matcher matcher = FORM_FIELD.matcher(name);
			if (matcher.matches() && values.length > 0) {
				fields.put(matcher.group(1), values[0]);
			}
		});
		return fields;
	}

}
