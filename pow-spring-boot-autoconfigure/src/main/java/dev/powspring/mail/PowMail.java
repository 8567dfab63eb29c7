package dev.powspring.mail;

import java.util.Locale;
import java.util.Map;

import dev.powspring.user.PowUser;

/**
 * A mail Pow sends, rendered and ready to go, with what it was rendered from.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, or {@code null} for a text-only mail
 * @param assigns what the mail was rendered from, for a mailer that renders it elsewhere
 * (such as with templates stored at the mail provider), or {@code null}
 */
public record PowMail(String to, String subject, String text, String html, Assigns assigns) {

	/**
	 * Create a mail that carries no assigns.
	 * @param to the recipient's address
	 * @param subject the subject line
	 * @param text the plain-text body
	 * @param html the HTML body, or {@code null} for a text-only mail
	 */
	public PowMail(String to, String subject, String text, String html) {
		this(to, subject, text, html, null);
	}

	/**
	 * A mail known only by its recipient and template: what listeners are told of a mail
	 * that was dropped before it was rendered.
	 * @param to the recipient's address
	 * @param template the template name
	 * @return the mail, with no subject and empty bodies
	 */
	public static PowMail unrendered(String to, String template) {
		return new PowMail(to, null, "", null, new Assigns(template, null, null, null, Map.of()));
	}

	@Override
	public String toString() {
		// Bodies and links carry tokens; keep them out of logs that print the mail.
		return "PowMail[to=" + this.to + ", subject=" + this.subject + "]";
	}

	/**
	 * What a mail was rendered from.
	 *
	 * @param template the template name under {@code templates/pow/mail/}, such as
	 * {@code reset_password}
	 * @param locale the recipient's locale
	 * @param user the user the mail is about, or {@code null} when there is none yet (a
	 * confirmation of a new address, an invitation)
	 * @param link the link the mail carries, or {@code null}
	 * @param values every value the templates see, by name, such as {@code url}
	 */
	public record Assigns(String template, Locale locale, PowUser user, String link, Map<String, Object> values) {

		public Assigns {
			values = Map.copyOf(values);
		}

		@Override
		public String toString() {
			return "Assigns[template=" + this.template + ", locale=" + this.locale + "]";
		}

	}

}
