package dev.powspring.mail;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes mails to the log instead of sending them: Pow's mailer when no
 * {@code JavaMailSender} is configured, so development needs no SMTP server.
 */
public class LoggingPowMailer implements PowMailer {

	private static final Log logger = LogFactory.getLog(LoggingPowMailer.class);

	@Override
	public void send(PowMail mail) {
		logger.info("Mail to " + mail.to() + " (not sent: no spring.mail.host is configured)\nSubject: "
				+ mail.subject() + "\n\n" + mail.text());
	}

}
