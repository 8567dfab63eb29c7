package dev.powspring.mail.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.powspring.mail.PowMail;
import dev.powspring.mail.PowMailer;

/**
 * A {@link PowMailer} that keeps the newest mails in memory instead of sending them, for
 * the mailbox page. Older mails fall off beyond the capacity.
 */
public class DevelopmentMailbox implements PowMailer {

	private final Deque<CapturedMail> mails = new ArrayDeque<>();

	private final AtomicLong ids = new AtomicLong();

	private final Clock clock;

	private final int capacity;

	public DevelopmentMailbox(Clock clock, int capacity) {
		this.clock = clock;
		this.capacity = capacity;
	}

	@Override
	public synchronized void send(PowMail mail) {
		this.mails.addFirst(new CapturedMail(this.ids.incrementAndGet(), this.clock.instant(), mail));
		while (this.mails.size() > this.capacity) {
			this.mails.removeLast();
		}
	}

	/**
	 * Return the captured mails, newest first.
	 * @return the mails
	 */
	public synchronized List<CapturedMail> mails() {
		return List.copyOf(this.mails);
	}

	/**
	 * Return one captured mail.
	 * @param id its id
	 * @return the mail, or empty
	 */
	public synchronized Optional<CapturedMail> mail(long id) {
		return this.mails.stream().filter((mail) -> mail.id() == id).findFirst();
	}

	/**
	 * Forget every captured mail.
	 */
	public synchronized void clear() {
		this.mails.clear();
	}

	/**
	 * A mail the mailbox kept.
	 *
	 * @param id its number in the mailbox
	 * @param receivedAt when it was captured
	 * @param mail the mail
	 */
	public record CapturedMail(long id, Instant receivedAt, PowMail mail) {

	}

}
