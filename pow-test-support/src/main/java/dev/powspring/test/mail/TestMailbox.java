package dev.powspring.test.mail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Where a test's mails arrive, and the one way tests wait for them.
 * <p>
 * Pow hands mail to a background pool, so a mail is not there the moment the request
 * that caused it returns, and two mails can arrive in either order. A test therefore
 * never counts mails or takes "the newest": it names the mail it expects by recipient
 * and subject and {@linkplain #awaitMail waits} for it. Each mail is handed out once,
 * oldest first, so a test expecting a second mail to the same address gets the second.
 */
public abstract class TestMailbox {

	/**
	 * How long a test waits for a mail. Far above what delivery takes (milliseconds), so
	 * that only a mail that never comes runs into it, even on a loaded machine.
	 */
	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(25);

	private final Set<String> taken = ConcurrentHashMap.newKeySet();

	/**
	 * Return every mail received so far, oldest first.
	 * @return the mails
	 */
	public abstract List<ReceivedMail> received();

	/**
	 * Forget every mail received so far.
	 */
	protected abstract void purge();

	/**
	 * Wait for a mail to the recipient with the subject that no earlier call returned,
	 * and return the oldest such mail.
	 * @param recipient the address it is sent to
	 * @param subject its subject
	 * @return the mail
	 * @throws AssertionError when none arrives within {@link #TIMEOUT}
	 */
	public ReceivedMail awaitMail(String recipient, String subject) {
		try {
			ReceivedMail mail = Awaitility.await("a mail to " + recipient + " with subject '" + subject + "'")
				.atMost(TIMEOUT)
				.pollDelay(Duration.ZERO)
				.pollInterval(POLL_INTERVAL)
				.until(() -> untaken(recipient, subject), Optional::isPresent)
				.orElseThrow();
			this.taken.add(mail.id());
			return mail;
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(ex.getMessage() + "; received: "
					+ received().stream().map((mail) -> mail.recipient() + " '" + mail.subject() + "'").toList(), ex);
		}
	}

	/**
	 * Return the mails to the recipient received so far, oldest first, without waiting.
	 * Only for asserting what did arrive once a later mail shows the earlier ones are in;
	 * to wait for a mail use {@link #awaitMail}.
	 * @param recipient the address
	 * @return the mails to it
	 */
	public List<ReceivedMail> receivedBy(String recipient) {
		return received().stream().filter((mail) -> mail.recipient().equalsIgnoreCase(recipient)).toList();
	}

	/**
	 * Forget every mail so far, for a test that starts afresh.
	 */
	public void clear() {
		purge();
		this.taken.clear();
	}

	/**
	 * Wait until the application has no mail on its way, then forget every mail, so that
	 * a mail an earlier test caused cannot arrive during the next one.
	 * @param nothingInFlight whether the application's mail queue is empty, such as
	 * {@code () -> delivery.inFlight() == 0}
	 */
	public void clearOnceIdle(BooleanSupplier nothingInFlight) {
		awaitIdle(nothingInFlight);
		clear();
	}

	/**
	 * Wait until the application has no mail on its way, so that asserting that a mail
	 * did not arrive means it was never sent.
	 * @param nothingInFlight whether the application's mail queue is empty, such as
	 * {@code () -> delivery.inFlight() == 0}
	 */
	public void awaitIdle(BooleanSupplier nothingInFlight) {
		Awaitility.await("the application's mail queue to empty")
			.atMost(TIMEOUT)
			.pollDelay(Duration.ZERO)
			.pollInterval(POLL_INTERVAL)
			.until(nothingInFlight::getAsBoolean);
	}

	private Optional<ReceivedMail> untaken(String recipient, String subject) {
		return received().stream()
			.filter((mail) -> !this.taken.contains(mail.id()))
			.filter((mail) -> mail.recipient().equalsIgnoreCase(recipient) && mail.subject().equals(subject))
			.findFirst();
	}

}
