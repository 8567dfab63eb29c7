package dev.powspring.test.mail;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads mails that reached GreenMail: waits for them, decodes their text part and finds
 * links in it.
 */
public final class Mails {

	private Mails() {
	}

	/**
	 * Return an SMTP server on a free port that lives for the whole test class, so a
	 * Spring test context can be pointed at it once (see {@link #pointSpringMailAt}).
	 * @return the server, to register with {@code @RegisterExtension}
	 */
	public static GreenMailExtension smtpServer() {
		return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
	}

	/**
	 * Point {@code spring.mail.*} at the server, from a {@code @DynamicPropertySource}.
	 * @param registry the registry
	 * @param greenMail the server
	 */
	public static void pointSpringMailAt(DynamicPropertyRegistry registry, GreenMailExtension greenMail) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

	/**
	 * Wait until the server holds the given number of mails, and return the last.
	 * @param greenMail the server
	 * @param expectedTotal how many mails it should hold
	 * @return the newest mail
	 */
	public static MimeMessage awaitMail(GreenMailExtension greenMail, int expectedTotal) {
		assertThat(greenMail.waitForIncomingEmail(10_000, expectedTotal)).as("mail arrived").isTrue();
		MimeMessage[] messages = greenMail.getReceivedMessages();
		return messages[messages.length - 1];
	}

	/**
	 * Return the recipient of a mail.
	 * @param mail the mail
	 * @return the first recipient's address
	 */
	public static String recipientOf(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the absolute link to a path of the application that the mail's text holds.
	 * @param mail the mail
	 * @param pathPrefix the start of the link's path, such as {@code /reset-password/}
	 * @return the link
	 */
	public static String linkIn(MimeMessage mail, String pathPrefix) {
		Matcher matcher = Pattern.compile("(https?://\\S+" + Pattern.quote(pathPrefix) + "\\S+)").matcher(textOf(mail));
		assertThat(matcher.find()).as("link to %s in the mail", pathPrefix).isTrue();
		return matcher.group(1);
	}

	/**
	 * Return the path (and query) of an absolute link.
	 * @param link the link
	 * @return its path
	 */
	public static String pathOf(String link) {
		return link.replaceFirst("^https?://[^/]+", "");
	}

	/**
	 * Return the decoded text/plain part of a mail.
	 * @param part the mail or one of its parts
	 * @return the text, or {@code null} when there is none
	 */
	public static String textOf(Part part) {
		try {
			if (part.isMimeType("text/plain")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String text = textOf(multipart.getBodyPart(i));
					if (text != null) {
						return text;
					}
				}
			}
			return null;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
