package dev.powspring.passkeys;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The auth events of passkeys, over HTTP: one for a passkey added and one for a passkey
 * removed, without its name; a failed passkey sign-in names the owner when the passkey is
 * known; a throttled one is a failure too. A successful sign-in is the core's
 * {@code signed_in}.
 */
@Import(PasskeysAuthEventsTests.Recorder.class)
@TestPropertySource(properties = { "pow.passkeys.sign-in-per-address.max=3",
		"pow.passkeys.sign-in-per-credential.max=100" })
class PasskeysAuthEventsTests extends PasskeysTestSupport {

	private static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.5 Safari/605.1.15";

	@Autowired
	private Recorder recorder;

	@BeforeEach
	void forgetEvents() {
		this.recorder.events.clear();
	}

	@Test
	void addThenRemoveThenOneEventEachWithoutTheName() {
		Long id = register("jane@example.com");
		Browser account = signedIn("jane@example.com").header("User-Agent", USER_AGENT);
		this.recorder.events.clear();
		TestAuthenticator authenticator = addPasskey(account, "Jane's secret laptop");

		account.submit(account.get(path("/registration/passkeys")), "form.pow-passkey-remove", Map.of());

		assertThat(this.recorder.events)
			.extracting(PowAuthEvent::type, PowAuthEvent::userId, PowAuthEvent::actorId, PowAuthEvent::details,
					PowAuthEvent::clientAddress, PowAuthEvent::userAgent)
			.containsExactly(tuple(PowAuthEventType.PASSKEY_ADDED, id, null, Map.of(), "127.0.0.1", USER_AGENT),
					tuple(PowAuthEventType.PASSKEY_REMOVED, id, null, Map.of(), "127.0.0.1", USER_AGENT));
		assertThat(authenticator.credentialId()).isNotBlank();
	}

	@Test
	void signInThenSignedInOnceWithThePasskeyMethod() {
		Long id = register("jane@example.com");
		TestAuthenticator authenticator = addPasskey(signedIn("jane@example.com"), "Laptop");
		this.recorder.events.clear();

		assertThat(signInWithPasskey(new Browser(this.port), authenticator).status()).isEqualTo(302);

		assertThat(this.recorder.events).extracting(PowAuthEvent::type, PowAuthEvent::userId)
			.containsExactly(tuple(PowAuthEventType.SIGNED_IN, id));
		assertThat(this.recorder.events.get(0).details()).containsEntry("method", "passkey");
	}

	@Test
	void knownPasskeyFailsThenBadCredentialsOfItsOwner() {
		Long id = register("jane@example.com");
		TestAuthenticator authenticator = addPasskey(signedIn("jane@example.com"), "Laptop");
		this.recorder.events.clear();
		Browser browser = new Browser(this.port).header("User-Agent", USER_AGENT);

		assertThat(signInWithPasskey(browser, authenticator.origin("http://evil.example")).status()).isEqualTo(400);

		assertThat(this.recorder.events)
			.extracting(PowAuthEvent::type, PowAuthEvent::userId, PowAuthEvent::details, PowAuthEvent::clientAddress,
					PowAuthEvent::userAgent)
			.containsExactly(tuple(PowAuthEventType.SIGN_IN_FAILED, id,
					Map.of("method", "passkey", "reason", "bad_credentials"), "127.0.0.1", USER_AGENT));
	}

	@Test
	void unknownAnswerFailsThenBadCredentialsOfNoOne() {
		Browser browser = new Browser(this.port);

		assertThat(signInWithPasskey(browser, "garbage").status()).isEqualTo(400);
		assertThat(signInWithPasskey(browser, authenticator()).status()).as("a passkey never registered")
			.isEqualTo(400);

		assertThat(this.recorder.events).extracting(PowAuthEvent::type, PowAuthEvent::userId, PowAuthEvent::details)
			.containsExactly(
					tuple(PowAuthEventType.SIGN_IN_FAILED, null,
							Map.of("method", "passkey", "reason", "bad_credentials")),
					tuple(PowAuthEventType.SIGN_IN_FAILED, null,
							Map.of("method", "passkey", "reason", "bad_credentials")));
	}

	@Test
	void throttledThenFailureWithReasonThrottled() {
		register("jane@example.com");
		TestAuthenticator authenticator = addPasskey(signedIn("jane@example.com"), "Laptop");
		Browser browser = new Browser(this.port);
		for (int i = 0; i < 3; i++) {
			signInWithPasskey(browser, "garbage-" + i);
		}
		this.recorder.events.clear();

		assertThat(signInWithPasskey(browser, authenticator).status()).isEqualTo(429);

		assertThat(this.recorder.events).extracting(PowAuthEvent::type, PowAuthEvent::userId, PowAuthEvent::details)
			.containsExactly(tuple(PowAuthEventType.SIGN_IN_FAILED, null,
					Map.of("method", "passkey", "reason", "throttled")));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recorder {

		final List<PowAuthEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void record(PowAuthEvent event) {
			this.events.add(event);
		}

	}

}
