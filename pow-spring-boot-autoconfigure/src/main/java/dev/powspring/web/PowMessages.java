package dev.powspring.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The flash messages of Pow's core flows, resolved through the {@code MessageSource} in
 * the request's locale. A message whose text is empty is not shown; several are empty by
 * default, as in Pow, and an application shows them by giving them a text in its
 * {@code messages.properties}. Declare a bean that extends this class to compute a
 * message differently.
 */
public class PowMessages {

	private final MessageSource messageSource;

	public PowMessages(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	public String userNotAuthenticated(HttpServletRequest request) {
		return message(request, "pow.messages.user-not-authenticated");
	}

	public String userAlreadyAuthenticated(HttpServletRequest request) {
		return message(request, "pow.messages.user-already-authenticated");
	}

	public String signedIn(HttpServletRequest request) {
		return message(request, "pow.messages.signed-in");
	}

	public String signedOut(HttpServletRequest request) {
		return message(request, "pow.messages.signed-out");
	}

	public String invalidCredentials(HttpServletRequest request) {
		return message(request, "pow.messages.invalid-credentials");
	}

	public String userHasBeenCreated(HttpServletRequest request) {
		return message(request, "pow.messages.user-has-been-created");
	}

	public String userHasBeenUpdated(HttpServletRequest request) {
		return message(request, "pow.messages.user-has-been-updated");
	}

	public String userHasBeenDeleted(HttpServletRequest request) {
		return message(request, "pow.messages.user-has-been-deleted");
	}

	public String userCouldNotBeDeleted(HttpServletRequest request) {
		return message(request, "pow.messages.user-could-not-be-deleted");
	}

	public String deletionNeedsCurrentPassword(HttpServletRequest request) {
		return message(request, "pow.messages.deletion-needs-current-password");
	}

	/**
	 * Resolve a message in the request's locale.
	 * @param request the request
	 * @param code the message key
	 * @param args the message arguments
	 * @return the text, or {@code null} when it is empty or missing
	 */
	protected String message(HttpServletRequest request, String code, Object... args) {
		return resolve(this.messageSource, request, code, args);
	}

	/**
	 * Resolve a flash message in the request's locale, for the message classes of
	 * extensions.
	 * @param messageSource the message source
	 * @param request the request
	 * @param code the message key
	 * @param args the message arguments
	 * @return the text, or {@code null} when it is empty or missing
	 */
	public static String resolve(MessageSource messageSource, HttpServletRequest request, String code,
			Object... args) {
		String text = messageSource.getMessage(code, args, "", RequestContextUtils.getLocale(request));
		return (text == null || text.isBlank()) ? null : text;
	}

}
