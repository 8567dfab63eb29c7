package dev.powspring.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.mail.PowMail;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.session.PowSessionManager;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.test.time.MutableClock;
import dev.powspring.throttle.ClientAddresses;
import dev.powspring.throttle.PowLimit;
import dev.powspring.throttle.PowThrottle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pow's meters fed directly: events of the meters' own realm only, every throttle
 * refusal by its limit, every mail by what became of it, live sessions in memory.
 */
class PowMetersTests {

	private final MutableClock clock = MutableClock.now();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void signInsRegistrationsAndTheftsOfItsOwnRealmAreCounted() {
		PowAuthEventMeters meters = new PowAuthEventMeters(this.registry, "default");
		PowAuthEvents events = events(meters, "default");
		PowAuthEvents staff = events(meters, "staff");

		events.of(PowAuthEventType.SIGNED_IN, 1L).detail(PowAuthEvent.METHOD, "password").publish();
		events.of(PowAuthEventType.SIGNED_IN, 1L).detail(PowAuthEvent.METHOD, "password").publish();
		events.of(PowAuthEventType.SIGNED_IN, 2L).detail(PowAuthEvent.METHOD, "magic_link").publish();
		events.of(PowAuthEventType.SIGN_IN_FAILED, (Long) null)
			.detail(PowAuthEvent.METHOD, "password")
			.detail(PowAuthEvent.REASON, PowAuthEvent.BAD_CREDENTIALS)
			.publish();
		events.of(PowAuthEventType.REGISTERED, 3L).publish();
		events.of(PowAuthEventType.REMEMBER_ME_THEFT, 1L).publish();
		events.of(PowAuthEventType.API_TOKEN_THEFT, 1L).publish();
		events.of(PowAuthEventType.SIGNED_OUT, 1L).publish();
		// A realm's events reach the application's context too; they are that realm's to count.
		staff.of(PowAuthEventType.SIGNED_IN, 9L).detail(PowAuthEvent.METHOD, "password").publish();
		staff.of(PowAuthEventType.REGISTERED, 9L).publish();

		assertThat(count("pow.sign.ins", "outcome", "success", "method", "password", "reason", "none")).isEqualTo(2);
		assertThat(count("pow.sign.ins", "outcome", "success", "method", "magic_link", "reason", "none"))
			.isEqualTo(1);
		assertThat(count("pow.sign.ins", "outcome", "failure", "method", "password", "reason", "bad_credentials"))
			.isEqualTo(1);
		assertThat(count("pow.registrations")).isEqualTo(1);
		assertThat(count("pow.token.thefts", "kind", "remember_me")).isEqualTo(1);
		assertThat(count("pow.token.thefts", "kind", "api")).isEqualTo(1);
		assertThat(this.registry.find("pow.sign.ins").tag("realm", "staff").counters()).isEmpty();
		assertThat(this.registry.find("pow.sign.ins").counters())
			.allSatisfy((counter) -> assertThat(counter.getId().getTag("realm")).isEqualTo("default"));
	}

	@Test
	void aFailureWithoutMethodOrReasonIsCountedAsUnknown() {
		PowAuthEventMeters meters = new PowAuthEventMeters(this.registry, "default");

		events(meters, "default").of(PowAuthEventType.SIGN_IN_FAILED, 1L).publish();

		assertThat(count("pow.sign.ins", "outcome", "failure", "method", "unknown", "reason", "unknown")).isEqualTo(1);
	}

	@Test
	void everyRefusalIsCountedByItsLimit() {
		PowThrottle throttle = new PowThrottle(new InMemoryPowStore(this.clock), this.clock);
		throttle.addRefusalListener(new PowThrottleMeters(this.registry, "default"));
		PowLimit two = new PowLimit(2, Duration.ofMinutes(15), Duration.ofMinutes(15));

		for (int attempt = 0; attempt < 2; attempt++) {
			throttle.reserve(two, "sign_in_account", "jane@example.com").spend();
		}
		throttle.reserve(two, "sign_in_account", "jane@example.com");
		throttle.reserve(two, "sign_in_account", "jane@example.com");
		// Two under way hold both slots: the third is refused without a lockout.
		throttle.reserve(two, "magic_link_target", "joe@example.com");
		throttle.reserve(two, "magic_link_target", "joe@example.com");
		throttle.reserve(two, "magic_link_target", "joe@example.com");
		throttle.reserve(two, "reset_password_address", "192.0.2.1").spend();

		assertThat(count("pow.throttle.refusals", "limit", "sign_in_account")).isEqualTo(2);
		assertThat(count("pow.throttle.refusals", "limit", "magic_link_target")).isEqualTo(1);
		assertThat(this.registry.find("pow.throttle.refusals").tag("limit", "reset_password_address").counter())
			.isNull();
	}

	@Test
	void mailsAreCountedAsSentFailedOrDroppedByKind() {
		PowMailDelivery delivery = new PowMailDelivery((mail) -> {
			if (mail.to().startsWith("broken")) {
				throw new IllegalStateException("The mail server refused");
			}
		}, Runnable::run, new InMemoryPowStore(this.clock), 1, Duration.ofMinutes(10));
		delivery.addListener(new PowMailMeters(this.registry, "default"));

		delivery.deliver(mail("jane@example.com", "reset_password"));
		// Over the limit of one mail per recipient: never handed to the mailer.
		delivery.deliver(mail("jane@example.com", "reset_password"));
		delivery.deliver(mail("broken@example.com", "magic_link"));
		delivery.deliver(new PowMail("joe@example.com", "Hello", "text", null));

		assertThat(count("pow.mails", "outcome", "sent", "kind", "reset_password")).isEqualTo(1);
		assertThat(count("pow.mails", "outcome", "dropped", "kind", "reset_password")).isEqualTo(1);
		assertThat(count("pow.mails", "outcome", "failed", "kind", "magic_link")).isEqualTo(1);
		assertThat(count("pow.mails", "outcome", "sent", "kind", "unknown")).isEqualTo(1);
	}

	@Test
	void liveSessionsInMemoryLeaveExpiredOnesAndOtherNamespacesOut() {
		InMemoryPowStore store = new InMemoryPowStore(this.clock);
		PowSessionGauge gauge = new PowSessionGauge(this.registry, store, "default");
		store.put(PowSessionManager.SESSIONS, "a", "session", Duration.ofMinutes(30));
		store.put(PowSessionManager.SESSIONS, "b", "session", Duration.ofMinutes(30));
		store.put(PowSessionManager.SESSIONS, "c", "session", Duration.ofMinutes(5));
		store.put("reset_token", "d", "token", Duration.ofMinutes(30));

		assertThat(gauge.gauge()).isPresent();
		assertThat(this.registry.get("pow.sessions.live").tag("realm", "default").gauge().value()).isEqualTo(3);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.registry.get("pow.sessions.live").gauge().value()).isEqualTo(2);
	}

	private PowAuthEvents events(PowAuthEventMeters meters, String realm) {
		return new PowAuthEvents((event) -> meters.onApplicationEvent(new PayloadApplicationEvent<>(this, (PowAuthEvent) event)),
				new ClientAddresses(null), this.clock, realm);
	}

	private static PowMail mail(String to, String template) {
		return new PowMail(to, "Subject", "text", null,
				new PowMail.Assigns(template, Locale.ENGLISH, null, null, Map.of()));
	}

	private double count(String name, String... tags) {
		var counter = this.registry.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
