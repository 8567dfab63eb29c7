package dev.powspring.mail;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.powspring.store.PowStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * How extensions send mail: at most a number of mails per recipient per window, handed
 * to the {@link PowMailer} on a background thread so that the request that caused the
 * mail neither waits for it nor fails with it.
 * <p>
 * The limit is kept in the store, so it holds across nodes: a recipient has as many
 * slots as the limit allows, each taken for the window.
 */
public class PowMailDelivery implements DisposableBean {

	private static final Log logger = LogFactory.getLog(PowMailDelivery.class);

	private static final String RATE_NAMESPACE = "mail_rate";

	private final PowMailer mailer;

	private final Executor executor;

	private final PowStore store;

	private final int limit;

	private final Duration window;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Create an instance.
	 * @param mailer sends the mails
	 * @param executor runs the sending
	 * @param store keeps the per-recipient counts
	 * @param limit how many mails a recipient may get per window; zero or less for no limit
	 * @param window the window
	 */
	public PowMailDelivery(PowMailer mailer, Executor executor, PowStore store, int limit, Duration window) {
		this.mailer = mailer;
		this.executor = executor;
		this.store = store;
		this.limit = limit;
		this.window = window;
	}

	/**
	 * Queue a mail for sending, unless its recipient has had too many lately.
	 * @param mail the mail
	 * @return whether the mail was queued
	 */
	public boolean deliver(PowMail mail) {
		return deliver(mail, "");
	}

	/**
	 * Queue a mail for sending, unless its recipient has had too many of its kind lately:
	 * mails of another limit kind, such as notifications of what the user did, keep their
	 * own count, so they never use up the slots of a link the user asked for.
	 * @param mail the mail
	 * @param limitKind names the count the mail is limited by; empty for links
	 * @return whether the mail was queued
	 */
	public boolean deliver(PowMail mail, String limitKind) {
		return deliver(mail.to(), limitKind, "'" + mail.subject() + "'", () -> mail, () -> mail);
	}

	/**
	 * Queue a mail for sending, unless its recipient has had too many of its kind lately,
	 * and render it only then: a flood of requests that each mail one address (sign-ins
	 * from new devices, forgotten passwords) renders none of the mails it drops.
	 * @param to the recipient's address
	 * @param limitKind names the count the mail is limited by; empty for links
	 * @param template the mail's template name, which a dropped mail is logged and counted
	 * by
	 * @param mail renders the mail, called at most once and only when it is sent
	 * @return whether the mail was queued
	 */
	public boolean deliver(String to, String limitKind, String template, Supplier<PowMail> mail) {
		return deliver(to, limitKind, template, mail, () -> PowMail.unrendered(to, template));
	}

	private boolean deliver(String to, String limitKind, String label, Supplier<PowMail> rendered,
			Supplier<PowMail> dropped) {
		if (!takeSlot(limitKind + to)) {
			logger.warn("Dropped mail " + label + " to " + to + ": more than " + this.limit
					+ " mails to this recipient within " + this.window);
			tell(dropped.get(), Outcome.DROPPED);
			return false;
		}
		PowMail mail = rendered.get();
		this.inFlight.incrementAndGet();
		try {
			this.executor.execute(() -> send(mail));
			return true;
		}
		catch (RejectedExecutionException ex) {
			this.inFlight.decrementAndGet();
			logger.warn("Dropped mail " + label + " to " + to + ": the mail queue is full");
			tell(mail, Outcome.DROPPED);
			return false;
		}
	}

	private void send(PowMail mail) {
		Outcome outcome = Outcome.FAILED;
		try {
			this.mailer.send(mail);
			outcome = Outcome.SENT;
		}
		catch (Exception ex) {
			logger.warn("Could not send mail '" + mail.subject() + "' to " + mail.to(), ex);
		}
		finally {
			tell(mail, outcome);
			this.inFlight.decrementAndGet();
		}
	}

	/**
	 * Add a listener told what became of each mail, such as Pow's metrics.
	 * @param listener the listener
	 */
	public void addListener(Listener listener) {
		this.listeners.add(listener);
	}

	private void tell(PowMail mail, Outcome outcome) {
		for (Listener listener : this.listeners) {
			try {
				listener.delivered(mail, outcome);
			}
			catch (RuntimeException ex) {
				logger.warn("A mail delivery listener failed", ex);
			}
		}
	}

	/**
	 * Return how many mails are queued or being handed to the mailer right now, for
	 * health checks and for tests that must know every mail went out.
	 * @return the number of mails not yet sent (or failed)
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Stop the executor, when it is one that can be stopped, after the queued mails went
	 * out.
	 * @throws Exception when stopping fails
	 */
	@Override
	public void destroy() throws Exception {
		if (this.executor instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

	private boolean takeSlot(String recipient) {
		if (this.limit <= 0) {
			return true;
		}
		String key = recipient.trim().toLowerCase(Locale.ROOT);
		for (int slot = 0; slot < this.limit; slot++) {
			if (this.store.putIfAbsent(RATE_NAMESPACE, key + "#" + slot, Boolean.TRUE, this.window)) {
				return true;
			}
		}
		return false;
	}


	/**
	 * What became of a mail.
	 */
	public enum Outcome {

		/** The mailer sent it. */
		SENT,

		/** The mailer failed to send it. */
		FAILED,

		/**
		 * It never reached the mailer: its recipient had too many mails lately, or the queue
		 * was full.
		 */
		DROPPED;

		/**
		 * Return the stable code of this outcome.
		 * @return the code, such as {@code sent}
		 */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Told what became of each mail: dropped at once, or sent or failed on the mail thread.
	 * A mail its recipient's limit dropped before it was rendered carries only its
	 * recipient and its template name ({@link PowMail#unrendered}).
	 */
	@FunctionalInterface
	public interface Listener {

		/**
		 * A mail was sent, failed or dropped.
		 * @param mail the mail
		 * @param outcome what became of it
		 */
		void delivered(PowMail mail, Outcome outcome);

	}

}
