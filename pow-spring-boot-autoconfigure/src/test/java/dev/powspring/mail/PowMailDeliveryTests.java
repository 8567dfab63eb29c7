package dev.powspring.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.powspring.store.InMemoryPowStore;
import dev.powspring.test.time.MutableClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * How {@link PowMailDelivery} limits mails per recipient and hands them to the mailer.
 */
@ExtendWith(OutputCaptureExtension.class)
class PowMailDeliveryTests {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final MutableClock clock = MutableClock.at(Instant.parse("2025-01-01T10:00:00Z"));

	private final InMemoryPowStore store = new InMemoryPowStore(this.clock);

	private final RecordingMailer mailer = new RecordingMailer();

	@Test
	void deliverWhenUnderLimitThenHandedToMailer() {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, 2);
		PowMail mail = mail("jane@example.com");

		assertThat(delivery.deliver(mail)).isTrue();

		assertThat(this.mailer.sent).containsExactly(mail);
	}

	@Test
	void deliverWhenRecipientOverLimitThenDroppedWithWarning(CapturedOutput output) {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, 2);

		assertThat(delivery.deliver(mail("jane@example.com"))).isTrue();
		assertThat(delivery.deliver(mail("jane@example.com"))).isTrue();
		assertThat(delivery.deliver(mail("jane@example.com", "Third"))).isFalse();

		assertThat(this.mailer.sent).hasSize(2);
		assertThat(output).contains("Dropped mail 'Third' to jane@example.com")
			.contains("more than 2 mails to this recipient");
	}

	@Test
	void deliverWhenRecipientOverLimitThenMailNeverRenderedAndDropKnownByTemplate(CapturedOutput output) {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, 2);
		List<PowMailDelivery.Outcome> outcomes = new CopyOnWriteArrayList<>();
		List<String> templates = new CopyOnWriteArrayList<>();
		delivery.addListener((mail, outcome) -> {
			outcomes.add(outcome);
			templates.add(mail.assigns().template());
		});
		AtomicInteger rendered = new AtomicInteger();
		Supplier<PowMail> render = () -> {
			rendered.incrementAndGet();
			return new PowMail("jane@example.com", "New device", "text", null,
					new PowMail.Assigns("new_device", Locale.ENGLISH, null, null, Map.of()));
		};

		assertThat(delivery.deliver("jane@example.com", "notification:", "new_device", render)).isTrue();
		assertThat(delivery.deliver("jane@example.com", "notification:", "new_device", render)).isTrue();
		assertThat(delivery.deliver("jane@example.com", "notification:", "new_device", render)).isFalse();

		assertThat(rendered).hasValue(2);
		assertThat(this.mailer.sent).hasSize(2);
		assertThat(outcomes).containsExactly(PowMailDelivery.Outcome.SENT, PowMailDelivery.Outcome.SENT,
				PowMailDelivery.Outcome.DROPPED);
		assertThat(templates).containsOnly("new_device");
		assertThat(output).contains("Dropped mail new_device to jane@example.com");
	}

	@Test
	void deliverOfAnotherLimitKindKeepsItsOwnCount() {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, 2);

		assertThat(delivery.deliver(mail("jane@example.com"), "notification:")).isTrue();
		assertThat(delivery.deliver(mail("jane@example.com"), "notification:")).isTrue();
		assertThat(delivery.deliver(mail("jane@example.com"), "notification:")).isFalse();

		assertThat(delivery.deliver(mail("jane@example.com", "Reset link"))).isTrue();
		assertThat(delivery.deliver(mail("jane@example.com", "Another link"))).isTrue();
		assertThat(this.mailer.sent).hasSize(4);
	}

	@Test
	void deliverWhenRecipientDiffersOnlyInCaseThenLimitShared() {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, 2);

		assertThat(delivery.deliver(mail("Jane@Example.com"))).isTrue();
		assertThat(delivery.deliver(mail("jane@example.com"))).isTrue();
		assertThat(delivery.deliver(mail(" JANE@EXAMPLE.COM "))).isFalse();

		assertThat(this.mailer.recipients()).containsExactly("Jane@Example.com", "jane@example.com");
	}

	@Test
	void deliverWhenOneRecipientOverLimitThenOtherRecipientsUnaffected() {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, 2);
		delivery.deliver(mail("jane@example.com"));
		delivery.deliver(mail("jane@example.com"));
		assertThat(delivery.deliver(mail("jane@example.com"))).isFalse();

		assertThat(delivery.deliver(mail("john@example.com"))).isTrue();
		assertThat(delivery.deliver(mail("john@example.com"))).isTrue();

		assertThat(this.mailer.recipients()).containsExactly("jane@example.com", "jane@example.com",
				"john@example.com", "john@example.com");
	}

	@Test
	void deliverWhenWindowPassedThenMailsFlowAgain() {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, 2);
		delivery.deliver(mail("jane@example.com"));
		delivery.deliver(mail("jane@example.com"));
		assertThat(delivery.deliver(mail("jane@example.com"))).isFalse();

		this.clock.advance(WINDOW);

		assertThat(delivery.deliver(mail("jane@example.com"))).isTrue();
		assertThat(delivery.deliver(mail("jane@example.com"))).isTrue();
		assertThat(delivery.deliver(mail("jane@example.com"))).isFalse();
		assertThat(this.mailer.sent).hasSize(4);
	}

	@Test
	void deliverWhenWindowNotYetPassedThenStillDropped() {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, 2);
		delivery.deliver(mail("jane@example.com"));
		delivery.deliver(mail("jane@example.com"));

		this.clock.advance(WINDOW.minusSeconds(1));

		assertThat(delivery.deliver(mail("jane@example.com"))).isFalse();
		assertThat(this.mailer.sent).hasSize(2);
	}

	@Test
	void deliverWhenSlotsTakenAtDifferentTimesThenEachFreedAfterItsOwnWindow() {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, 2);
		delivery.deliver(mail("jane@example.com"));
		this.clock.advance(Duration.ofSeconds(30));
		delivery.deliver(mail("jane@example.com"));
		assertThat(delivery.deliver(mail("jane@example.com"))).isFalse();

		// The first slot is free again, the second one is not.
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(delivery.deliver(mail("jane@example.com"))).isTrue();
		assertThat(delivery.deliver(mail("jane@example.com"))).isFalse();

		assertThat(this.mailer.sent).hasSize(3);
	}

	@Test
	void deliverWhenLimitZeroThenUnlimited() {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, 0);

		for (int i = 0; i < 10; i++) {
			assertThat(delivery.deliver(mail("jane@example.com"))).isTrue();
		}

		assertThat(this.mailer.sent).hasSize(10);
		assertThat(this.store.size()).isZero();
	}

	@Test
	void deliverWhenLimitNegativeThenUnlimited() {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, -1);

		for (int i = 0; i < 5; i++) {
			assertThat(delivery.deliver(mail("jane@example.com"))).isTrue();
		}

		assertThat(this.mailer.sent).hasSize(5);
	}

	@Test
	void deliverWhenMailerThrowsThenNoExceptionAndFailureLoggedWithRecipient(CapturedOutput output) {
		PowMailDelivery delivery = synchronousDelivery((mail) -> {
			throw new IllegalStateException("SMTP server said no");
		}, 2);

		assertThatNoException().isThrownBy(() -> delivery.deliver(mail("jane@example.com", "Reset your password")));

		assertThat(output).contains("Could not send mail 'Reset your password' to jane@example.com")
			.contains("SMTP server said no");
	}

	@Test
	void deliverWhenMailerThrowsThenSlotStillTaken() {
		PowMailDelivery delivery = synchronousDelivery((mail) -> {
			throw new IllegalStateException("SMTP server said no");
		}, 1);

		assertThat(delivery.deliver(mail("jane@example.com"))).isTrue();
		assertThat(delivery.deliver(mail("jane@example.com"))).isFalse();
	}

	@Test
	void deliverWhenMailerFailsThenBodyWithTokenNotLogged(CapturedOutput output) {
		PowMailDelivery delivery = synchronousDelivery((mail) -> {
			throw new IllegalStateException("SMTP server said no");
		}, 2);

		delivery.deliver(new PowMail("jane@example.com", "Reset", "https://notes.example/reset-password/s3cr3t-token",
				"<a href=\"https://notes.example/reset-password/s3cr3t-token\">Reset</a>"));

		assertThat(output).contains("jane@example.com").doesNotContain("s3cr3t-token");
	}

	@Test
	void deliverWhenExecutorRejectsThenDroppedWithWarning(CapturedOutput output) {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		executor.shutdown();
		PowMailDelivery delivery = new PowMailDelivery(this.mailer, executor, this.store, 2, WINDOW);

		assertThat(delivery.deliver(mail("jane@example.com", "Confirm"))).isFalse();

		assertThat(this.mailer.sent).isEmpty();
		assertThat(delivery.inFlight()).isZero();
		assertThat(output).contains("Dropped mail 'Confirm' to jane@example.com");
	}

	@Test
	void deliverWhenExecutorIsAsynchronousThenReturnsBeforeMailerFinishes() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch finished = new CountDownLatch(1);
		AtomicReference<Thread> sendingThread = new AtomicReference<>();
		List<PowMail> sent = new CopyOnWriteArrayList<>();
		PowMailer blocking = (mail) -> {
			sendingThread.set(Thread.currentThread());
			try {
				if (release.await(10, TimeUnit.SECONDS)) {
					sent.add(mail);
				}
			}
			finally {
				finished.countDown();
			}
		};
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			PowMailDelivery delivery = new PowMailDelivery(blocking, executor, this.store, 2, WINDOW);
			PowMail mail = mail("jane@example.com");

			assertThat(delivery.deliver(mail)).isTrue();
			assertThat(release.getCount()).isOne();
			assertThat(finished.getCount()).isOne();
			assertThat(sent).isEmpty();
			assertThat(delivery.inFlight()).as("queued or sending").isOne();

			release.countDown();

			assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(sent).containsExactly(mail);
			assertThat(sendingThread.get()).isNotSameAs(Thread.currentThread());
			Awaitility.await("nothing in flight").atMost(Duration.ofSeconds(10)).until(() -> delivery.inFlight() == 0);
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void destroyWhenExecutorIsDisposableThenItIsShutDown() throws Exception {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.initialize();
		PowMailDelivery delivery = new PowMailDelivery(this.mailer, executor, this.store, 2, WINDOW);

		delivery.destroy();

		assertThat(executor.getThreadPoolExecutor().isShutdown()).isTrue();
		assertThat(delivery.deliver(mail("jane@example.com"))).isFalse();
	}

	@Test
	void destroyWhenExecutorIsNotDisposableThenNothingHappens() {
		PowMailDelivery delivery = synchronousDelivery(this.mailer, 2);

		assertThatNoException().isThrownBy(delivery::destroy);
		assertThat(delivery.deliver(mail("jane@example.com"))).isTrue();
	}

	private PowMailDelivery synchronousDelivery(PowMailer mailer, int limit) {
		return new PowMailDelivery(mailer, Runnable::run, this.store, limit, WINDOW);
	}

	private static PowMail mail(String to) {
		return mail(to, "Reset your password");
	}

	private static PowMail mail(String to, String subject) {
		return new PowMail(to, subject, "Open https://notes.example/reset-password/abc", null);
	}

	private static final class RecordingMailer implements PowMailer {

		private final List<PowMail> sent = new CopyOnWriteArrayList<>();

		@Override
		public void send(PowMail mail) {
			this.sent.add(mail);
		}

		List<String> recipients() {
			return this.sent.stream().map(PowMail::to).toList();
		}

	}

}
