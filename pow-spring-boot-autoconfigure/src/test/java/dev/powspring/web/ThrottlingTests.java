package dev.powspring.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.powspring.password.PasswordAlgorithm;
import dev.powspring.password.PowPasswordEncoder;
import dev.powspring.test.web.Browser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling per account and per client address, counted in the store.
 */
@Import(ThrottlingTests.CountingEncoder.class)
@TestPropertySource(properties = "pow.throttle.sign-in-per-address.max=25")
class ThrottlingTests extends WebFlowTestSupport {

	@Autowired
	private CountingEncoder.Counting encoder;

	@BeforeEach
	void pastEarlierLockouts() {
		this.clock.advance(Duration.ofHours(2));
	}

	@Test
	void tenFailuresThenTheAccountIsRefusedWith429RetryAfterAndNoPasswordHash() {
		register(browser(), "jane@example.com", "secret1234");
		for (int i = 0; i < 10; i++) {
			assertThat(signIn(browser(), "jane@example.com", "wrong-" + i).status()).isEqualTo(200);
		}
		int checksBefore = this.encoder.verifications.get();

		Browser.Page refused = signIn(browser(), "jane@example.com", "secret1234");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).hasValue("900");
		assertThat(refused.text(".pow-flash-error")).isEqualTo("Too many attempts. Please try again in 15 minute(s).");
		assertThat(this.encoder.verifications.get()).as("no password hash for a refused attempt").isEqualTo(checksBefore);

		this.clock.advance(Duration.ofMinutes(15));
		assertThat(signIn(browser(), "jane@example.com", "secret1234").status()).as("after the lockout").isEqualTo(302);
	}

	@Test
	void parallelGuessesThenNoMoreThanTheLimitOfPasswordChecks() throws Exception {
		register(browser(), "jane@example.com", "secret1234");
		int checksBefore = this.encoder.verifications.get();
		// Guesses let through wait at the gate, so all thirty are under way at once.
		CountDownLatch gate = new CountDownLatch(1);
		this.encoder.gate = gate;
		ExecutorService attacker = Executors.newFixedThreadPool(30);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				String guess = "wrong-" + i;
				answers.add(attacker.submit(() -> signIn(browser(), "jane@example.com", guess).status()));
			}
			Awaitility.await("the guesses over the limit refused while ten wait at the gate")
				.atMost(Duration.ofSeconds(20))
				.until(() -> answers.stream().filter(Future::isDone).count() == 20);
			gate.countDown();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(20, TimeUnit.SECONDS));
			}
		}
		finally {
			gate.countDown();
			this.encoder.gate = null;
			attacker.shutdownNow();
		}

		assertThat(this.encoder.verifications.get() - checksBefore).as("password checks").isEqualTo(10);
		assertThat(statuses).filteredOn((status) -> status == 429).hasSize(20);
		assertThat(signIn(browser(), "jane@example.com", "secret1234").status()).as("locked out").isEqualTo(429);
	}

	@Test
	void strangersFailuresNeverLockTheOwnerOutOfAKnownDevice() {
		register(browser(), "jane@example.com", "secret1234");
		Browser laptop = knownDevice("jane@example.com");
		for (int i = 0; i < 10; i++) {
			assertThat(signIn(browser(), "jane@example.com", "wrong-" + i).status()).isEqualTo(200);
		}

		assertThat(signIn(browser(), "jane@example.com", "secret1234").status()).as("a new device").isEqualTo(429);
		assertThat(signIn(laptop, "jane@example.com", "secret1234").status()).as("the owner's laptop").isEqualTo(302);
	}

	@Test
	void deviceCookieOfAnotherAccountOrTamperedCountsLikeAStranger() {
		register(browser(), "jane@example.com", "secret1234");
		register(browser(), "mallory@example.com", "secret1234");
		Browser attacker = knownDevice("mallory@example.com");
		String device = attacker.cookie("pow_device").orElseThrow().getValue();
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(attacker, "jane@example.com", "wrong-" + i).status()).isEqualTo(200);
		}
		Browser tampered = browser();
		tampered.setCookie("pow_device", device.substring(0, device.length() - 2) + "xx");
		for (int i = 5; i < 10; i++) {
			assertThat(signIn(tampered, "jane@example.com", "wrong-" + i).status()).isEqualTo(200);
		}

		assertThat(signIn(browser(), "jane@example.com", "secret1234").status()).as("jane's shared count")
			.isEqualTo(429);
	}

	@Test
	void knownDeviceThatFailsTooOftenIsAStrangerAgain() {
		register(browser(), "jane@example.com", "secret1234");
		Browser laptop = knownDevice("jane@example.com");
		for (int i = 0; i < 10; i++) {
			assertThat(signIn(laptop, "jane@example.com", "wrong-" + i).status()).isEqualTo(200);
		}
		assertThat(signIn(browser(), "jane@example.com", "secret1234").status())
			.as("the device's failures are its own").isEqualTo(302);

		for (int i = 0; i < 10; i++) {
			assertThat(signIn(laptop, "jane@example.com", "wrong-" + i).status()).isEqualTo(200);
		}

		assertThat(signIn(laptop, "jane@example.com", "secret1234").status()).as("now counted with strangers")
			.isEqualTo(429);
	}

	@Test
	void unknownUserIdsAreRefusedExactlyLikeKnownOnes() {
		for (int i = 0; i < 10; i++) {
			signIn(browser(), "nobody@example.com", "wrong-" + i);
		}

		Browser.Page refused = signIn(browser(), "NOBODY@example.com", "anything");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).hasValue("900");
	}

	@Test
	void successfulSignInClearsTheAccountsFailures() {
		register(browser(), "joe@example.com", "secret1234");
		for (int i = 0; i < 9; i++) {
			signIn(browser(), "joe@example.com", "wrong-" + i);
		}
		assertThat(signIn(browser(), "joe@example.com", "secret1234").status()).isEqualTo(302);

		for (int i = 0; i < 9; i++) {
			assertThat(signIn(browser(), "joe@example.com", "wrong-" + i).status()).isEqualTo(200);
		}
		assertThat(signIn(browser(), "joe@example.com", "secret1234").status()).isEqualTo(302);
	}

	@Test
	void manyFailuresFromOneAddressRefuseEveryAccountFromIt() {
		for (int i = 0; i < 25; i++) {
			signIn(browser(), "guess" + i + "@example.com", "wrong");
		}

		Browser.Page refused = signIn(browser(), "someone-else@example.com", "whatever1");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).hasValue("3600");
	}

	@Test
	void powPagesCarrySecurityHeaders() {
		Browser.Page page = browser().get("/session/new");

		assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.header("X-Frame-Options")).hasValue("DENY");
		assertThat(page.header("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
		assertThat(page.header("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.header("Cache-Control")).hasValue("no-cache, no-store, must-revalidate");
	}

	// A browser that signed in to the account once, holding only its device cookie.
	private Browser knownDevice(String email) {
		Browser signedIn = browser();
		assertThat(signIn(signedIn, email, "secret1234").status()).isEqualTo(302);
		Browser device = browser();
		device.setCookie("pow_device", signedIn.cookie("pow_device").orElseThrow().getValue());
		return device;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingEncoder {

		@Bean
		Counting powPasswordEncoder() {
			return new Counting(new PowPasswordEncoder(PasswordAlgorithm.PBKDF2_SHA512, 1, 4));
		}

		static class Counting implements PasswordEncoder {

			private final PasswordEncoder delegate;

			final AtomicInteger verifications = new AtomicInteger();

			volatile CountDownLatch gate;

			Counting(PasswordEncoder delegate) {
				this.delegate = delegate;
			}

			@Override
			public String encode(CharSequence rawPassword) {
				return this.delegate.encode(rawPassword);
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				this.verifications.incrementAndGet();
				CountDownLatch gate = this.gate;
				if (gate != null) {
					try {
						gate.await(20, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				return this.delegate.matches(rawPassword, encodedPassword);
			}

			@Override
			public boolean upgradeEncoding(String encodedPassword) {
				return this.delegate.upgradeEncoding(encodedPassword);
			}

		}

	}

}
