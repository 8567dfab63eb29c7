package dev.powspring.mail;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes mails to the log instead of sending them: Pow's mailer when no
 * {@code JavaMailSender} is configured, so development needs no SMTP server.
 * <p>
 * Recipient and subject are logged at INFO; the body only at DEBUG, because it holds
 * links (password reset, confirmation, invitation) that would let anyone who can read
 * the log act as the recipient.
 */
public class LoggingPowMailer implements PowMailer {

	private static final Log logger = LogFactory.getLog(LoggingPowMailer.class);

	@Override
	public void send(PowMail mail) {
		logger.info("Mail to " + mail.to() + " (not sent: no spring.mail.host is configured), subject: "
				+ mail.subject() + ". Its body is logged at DEBUG.");
		if (logger.isDebugEnabled()) {
			logger.debug("Body of the mail to " + mail.to() + ":\n" + mail.text());
		}
	}

}
