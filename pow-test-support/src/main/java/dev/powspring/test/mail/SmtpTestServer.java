package dev.powspring.test.mail;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free port that lives for the whole test class, as
 * a {@link TestMailbox}:
 * <pre class="code">
 * &#64;RegisterExtension
 * static final SmtpTestServer mail = new SmtpTestServer();
 *
 * &#64;DynamicPropertySource
 * static void mailServer(DynamicPropertyRegistry registry) {
 *     mail.pointSpringMailAt(registry);
 * }
 * </pre>
 */
public final class SmtpTestServer extends TestMailbox implements BeforeAllCallback, AfterAllCallback {

	private final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@Override
	public void beforeAll(ExtensionContext context) {
		this.greenMail.beforeAll(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.greenMail.afterAll(context);
	}

	/**
	 * Point {@code spring.mail.*} at this server, from a {@code @DynamicPropertySource}.
	 * @param registry the registry
	 */
	public void pointSpringMailAt(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> this.greenMail.getSmtp().getPort());
	}

	/**
	 * Return the server's port.
	 * @return the port
	 */
	public int port() {
		return this.greenMail.getSmtp().getPort();
	}

	@Override
	public List<ReceivedMail> received() {
		MimeMessage[] messages = this.greenMail.getReceivedMessages();
		return IntStream.range(0, messages.length).mapToObj((index) -> read(messages[index], index)).toList();
	}

	/**
	 * Return the message as it arrived, for tests of the message itself (headers, parts).
	 * @param mail a mail this server received, as {@link #awaitMail} returned it
	 * @return the message
	 */
	public MimeMessage messageOf(ReceivedMail mail) {
		MimeMessage[] messages = this.greenMail.getReceivedMessages();
		return IntStream.range(0, messages.length)
			.filter((index) -> read(messages[index], index).id().equals(mail.id()))
			.mapToObj((index) -> messages[index])
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not received here: " + mail));
	}

	@Override
	protected void purge() {
		try {
			this.greenMail.purgeEmailFromAllMailboxes();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ReceivedMail read(MimeMessage message, int index) {
		try {
			String text = textOf(message);
			String id = (message.getMessageID() != null) ? message.getMessageID() : "#" + index;
			return new ReceivedMail(id, message.getAllRecipients()[0].toString(),
					message.getSubject(), (text != null) ? text : "");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the decoded text/plain part of a mail.
	 * @param part the mail or one of its parts
	 * @return the text, or {@code null} when there is none
	 */
	private static String textOf(Part part) {
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
