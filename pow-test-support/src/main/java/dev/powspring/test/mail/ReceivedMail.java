package dev.powspring.test.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail that reached a test's mailbox, whichever mailbox caught it.
 *
 * @param id what tells it apart from the other mails in the same mailbox
 * @param recipient the first recipient's address
 * @param subject the subject
 * @param text the decoded plain-text body
 */
public record ReceivedMail(String id, String recipient, String subject, String text) {

	/**
	 * Return the absolute link to a path of the application that the text holds.
	 * @param pathPrefix the start of the link's path, such as {@code /reset-password/}
	 * @return the link
	 */
	public String link(String pathPrefix) {
		Matcher matcher = Pattern.compile("(https?://\\S+" + Pattern.quote(pathPrefix) + "\\S+)").matcher(this.text);
		assertThat(matcher.find()).as("link to %s in the mail to %s", pathPrefix, this.recipient).isTrue();
		return matcher.group(1);
	}

	/**
	 * Return the path and query of the link to a path of the application.
	 * @param pathPrefix the start of the link's path
	 * @return the path, without scheme and host
	 */
	public String path(String pathPrefix) {
		return link(pathPrefix).replaceFirst("^https?://[^/]+", "");
	}

}
