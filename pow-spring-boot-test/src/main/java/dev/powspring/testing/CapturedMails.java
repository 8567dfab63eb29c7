package dev.powspring.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.powspring.mail.PowMail;
import dev.powspring.mail.PowMailer;

/**
 * The mails Pow sent during a test, kept in memory instead of being sent. The test kit
 * makes this the application's {@link PowMailer} and delivers mails at once, in the
 * request that sends them, so a test reads a mail right after the request; set
 * {@code pow.test.capture-mail=false} to send mail as the application does.
 */
public class CapturedMails implements PowMailer {

	private final List<CapturedMail> mails = new ArrayList<>();

	@Override
	public synchronized void send(PowMail mail) {
		this.mails.add(new CapturedMail(mail));
	}

	/**
	 * Return the last mail sent to an address.
	 * @param address the address, compared ignoring case
	 * @return the mail, or empty when none was sent there
	 */
	public synchronized Optional<CapturedMail> lastTo(String address) {
		for (int index = this.mails.size() - 1; index >= 0; index--) {
			if (this.mails.get(index).to().equalsIgnoreCase(address)) {
				return Optional.of(this.mails.get(index));
			}
		}
		return Optional.empty();
	}

	/**
	 * Return every mail sent so far, oldest first.
	 * @return the mails
	 */
	public synchronized List<CapturedMail> all() {
		return List.copyOf(this.mails);
	}

	/**
	 * Forget the mails sent so far, say before each test.
	 */
	public synchronized void clear() {
		this.mails.clear();
	}

}
