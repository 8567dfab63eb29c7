package dev.powspring.admin;

import java.util.Locale;

import dev.powspring.web.PowMessages;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;

/**
 * The flash messages of the admin console. Declare a bean that extends this class to
 * compute one differently, or override a key in your {@code messages.properties}.
 */
public class AdminMessages {

	private final MessageSource messageSource;

	public AdminMessages(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	/**
	 * Tell the admin how an action ended: {@code pow.admin.messages.<action>} when it was
	 * done, else the key of the outcome, such as {@code pow.admin.messages.last-admin}.
	 * @param request the request
	 * @param action what the admin asked for
	 * @param outcome how it ended
	 * @param userId the user id of the user acted on, or the primary key when not found
	 * @param detail the role, when the action is about one, else {@code null}
	 * @return the text, or {@code null}
	 */
	public String outcome(HttpServletRequest request, AdminAction action, AdminUserActions.Outcome outcome,
			String userId, String detail) {
		String key = switch (outcome) {
			case DONE -> key(action.name());
			case UNCHANGED -> (action == AdminAction.SEND_CONFIRMATION) ? "nothing-to-confirm" : "unchanged";
			default -> key(outcome.name());
		};
		return PowMessages.resolve(this.messageSource, request, "pow.admin.messages." + key, userId, detail);
	}

	private static String key(String constant) {
		return constant.toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
