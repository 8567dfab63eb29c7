package dev.powspring.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends mails through Spring's {@link JavaMailSender}, as a multipart message with a text
 * and an HTML part.
 */
public class JavaMailPowMailer implements PowMailer {

	private final JavaMailSender mailSender;

	private final String from;

	public JavaMailPowMailer(JavaMailSender mailSender, String from) {
		this.mailSender = mailSender;
		this.from = from;
	}

	@Override
	public void send(PowMail mail) throws MessagingException {
		MimeMessage message = this.mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(mail.to());
		helper.setSubject(mail.subject());
		if (mail.html() != null) {
			helper.setText(mail.text(), mail.html());
		}
		else {
			helper.setText(mail.text());
		}
		this.mailSender.send(message);
	}

}
