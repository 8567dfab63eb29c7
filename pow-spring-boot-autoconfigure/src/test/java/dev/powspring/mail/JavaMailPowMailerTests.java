package dev.powspring.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.powspring.store.InMemoryPowStore;
import dev.powspring.test.mail.SmtpTestServer;
import dev.powspring.test.time.MutableClock;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link JavaMailPowMailer} sending through a real SMTP server.
 */
@ExtendWith(OutputCaptureExtension.class)
class JavaMailPowMailerTests {

	@RegisterExtension
	static final SmtpTestServer mailbox = new SmtpTestServer();

	@BeforeEach
	void emptyMailbox() {
		mailbox.clear();
	}

	@Test
	void sendWhenHtmlPresentThenMultipartAlternativeWithTextAndHtmlArrives() throws Exception {
		JavaMailPowMailer mailer = new JavaMailPowMailer(greenMailSender(), "Pow <no-reply@notes.example>");

		mailer.send(new PowMail("jane@example.com", "Passwort zurücksetzen",
				"Öffne https://notes.example/reset-password/abc",
				"<p>Öffne <a href=\"https://notes.example/reset-password/abc\">den Link</a></p>"));

		MimeMessage message = awaitMessage("Passwort zurücksetzen");
		assertThat(message.getFrom()).extracting((address) -> ((InternetAddress) address).getAddress())
			.containsExactly("no-reply@notes.example");
		assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Pow");
		assertThat(message.getRecipients(Message.RecipientType.TO))
			.extracting((address) -> ((InternetAddress) address).getAddress())
			.containsExactly("jane@example.com");
		assertThat(message.getSubject()).isEqualTo("Passwort zurücksetzen");
		assertThat(message.getHeader("Subject")[0]).as("encoded on the wire").startsWith("=?UTF-8?");
		assertThat(message.isMimeType("multipart/*")).isTrue();
		Multipart alternative = findMultipart(message, "multipart/alternative");
		assertThat(alternative).as("multipart/alternative part").isNotNull();
		assertThat(alternative.getCount()).isEqualTo(2);
		BodyPart text = alternative.getBodyPart(0);
		BodyPart html = alternative.getBodyPart(1);
		assertThat(text.isMimeType("text/plain")).isTrue();
		assertThat(text.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat((String) text.getContent()).isEqualTo("Öffne https://notes.example/reset-password/abc");
		assertThat(html.isMimeType("text/html")).isTrue();
		assertThat(html.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat((String) html.getContent())
			.isEqualTo("<p>Öffne <a href=\"https://notes.example/reset-password/abc\">den Link</a></p>");
	}

	@Test
	void sendWhenHtmlNullThenTextPlainArrives() throws Exception {
		JavaMailPowMailer mailer = new JavaMailPowMailer(greenMailSender(), "no-reply@notes.example");

		mailer.send(new PowMail("jane@example.com", "Bestätige deine E-Mail-Adresse",
				"Öffne https://notes.example/confirm-email/xyz", null));

		MimeMessage message = awaitMessage("Bestätige deine E-Mail-Adresse");
		assertThat(message.isMimeType("text/plain")).isTrue();
		assertThat(message.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat((String) message.getContent()).isEqualTo("Öffne https://notes.example/confirm-email/xyz");
		assertThat(message.getFrom()).extracting((address) -> ((InternetAddress) address).getAddress())
			.containsExactly("no-reply@notes.example");
	}

	@Test
	void sendWhenDeliveredThroughPowMailDeliveryThenArrives() throws Exception {
		JavaMailPowMailer mailer = new JavaMailPowMailer(greenMailSender(), "no-reply@notes.example");
		PowMailDelivery delivery = new PowMailDelivery(mailer, Runnable::run,
				new InMemoryPowStore(MutableClock.at(Instant.parse("2025-01-01T10:00:00Z"))), 2, Duration.ofMinutes(1));

		assertThat(delivery.deliver(new PowMail("jane@example.com", "Hello", "Hi", "<p>Hi</p>"))).isTrue();

		assertThat(awaitMessage("Hello").getContentType()).startsWith("multipart/");
	}

	@Test
	void deliverWhenSmtpServerUnreachableThenNoExceptionAndFailureLoggedWithRecipient(CapturedOutput output) {
		JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
		unreachable.setHost("localhost");
		unreachable.setPort(1);
		unreachable.setJavaMailProperties(timeouts());
		PowMailDelivery delivery = new PowMailDelivery(new JavaMailPowMailer(unreachable, "no-reply@notes.example"),
				Runnable::run, new InMemoryPowStore(MutableClock.at(Instant.parse("2025-01-01T10:00:00Z"))), 2,
				Duration.ofMinutes(1));

		assertThatNoException().isThrownBy(
				() -> assertThat(delivery.deliver(new PowMail("jane@example.com", "Reset", "Hi", null))).isTrue());

		assertThat(output).contains("Could not send mail 'Reset' to jane@example.com");
	}

	private static JavaMailSenderImpl greenMailSender() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("localhost");
		sender.setPort(mailbox.port());
		sender.setJavaMailProperties(timeouts());
		return sender;
	}

	private static Properties timeouts() {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", "5000");
		properties.setProperty("mail.smtp.timeout", "5000");
		properties.setProperty("mail.smtp.writetimeout", "5000");
		return properties;
	}

	private static MimeMessage awaitMessage(String subject) {
		MimeMessage message = mailbox.messageOf(mailbox.awaitMail("jane@example.com", subject));
		assertThat(mailbox.received()).as("one mail only").hasSize(1);
		return message;
	}

	private static Multipart findMultipart(Part part, String mimeType) throws Exception {
		if (!part.isMimeType("multipart/*")) {
			return null;
		}
		Multipart multipart = (Multipart) part.getContent();
		if (part.isMimeType(mimeType)) {
			return multipart;
		}
		List<BodyPart> children = new ArrayList<>();
		for (int i = 0; i < multipart.getCount(); i++) {
			children.add(multipart.getBodyPart(i));
		}
		for (BodyPart child : children) {
			Multipart found = findMultipart(child, mimeType);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
