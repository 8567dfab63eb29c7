package dev.powspring.mail;

/**
 * A mail Pow sends, rendered and ready to go.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, or {@code null} for a text-only mail
 */
public record PowMail(String to, String subject, String text, String html) {

	@Override
	public String toString() {
		// Bodies carry tokens; keep them out of logs that print the mail.
		return "PowMail[to=" + this.to + ", subject=" + this.subject + "]";
	}

}
