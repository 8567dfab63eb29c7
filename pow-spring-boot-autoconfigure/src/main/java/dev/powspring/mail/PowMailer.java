package dev.powspring.mail;

/**
 * Sends Pow's mails. Pow calls it on a background thread, after the per-recipient limit,
 * so an implementation may block and may throw: a failure is logged and never reaches the
 * user's request. Declare a bean of this type to send mails your own way.
 */
@FunctionalInterface
public interface PowMailer {

	/**
	 * Send the mail.
	 * @param mail the mail
	 * @throws Exception when it could not be sent
	 */
	void send(PowMail mail) throws Exception;

}
