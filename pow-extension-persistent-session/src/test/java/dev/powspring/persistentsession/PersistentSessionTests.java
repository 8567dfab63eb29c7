package dev.powspring.persistentsession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.powspring.mail.PowMailDelivery;
import dev.powspring.persistentsession.testapp.PersistentSessionTestApplication;
import dev.powspring.test.mail.SmtpTestServer;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remember-me over PostgreSQL, with time from the test's clock: a session that expired is
 * restored from the cookie, which is single use, shared safely by parallel tabs, and
 * revoked when stolen, on sign-out, on a password change or reset, and with the account.
 */
@PostgresTest
@SpringBootTest(classes = PersistentSessionTestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "pow.persistent-session.cookie-same-site=strict")
class PersistentSessionTests {

	private static final String COOKIE = "persistent_session";

	@RegisterExtension
	static final SmtpTestServer mailbox = new SmtpTestServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		mailbox.pointSpringMailAt(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private PowUsersService users;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private PowMailDelivery mailDelivery;

	@BeforeEach
	void startClean() throws Exception {
		this.jdbc.sql("DELETE FROM users").update();
		mailbox.clearOnceIdle(() -> this.mailDelivery.inFlight() == 0);
		this.clock.advance(Duration.ofMinutes(5));
		register("jane@example.com", true);
	}

	@Test
	void signInWithCheckboxThenCookieIssuedWithHardenedAndConfiguredAttributes() {
		Browser browser = browser();

		Browser.Page answer = signIn(browser, true);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.setCookies()).anySatisfy((cookie) -> assertThat(cookie).startsWith(COOKIE + "=")
			.contains("Max-Age=2592000")
			.contains("HttpOnly")
			.contains("SameSite=Strict")
			.contains("Path=/"));
	}

	@Test
	void signInWithoutCheckboxThenNoCookieAndExpiryEndsTheSession() {
		Browser browser = browser();

		signIn(browser, false);

		assertThat(browser.cookie(COOKIE)).isEmpty();
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void sessionExpiredThenCookieRestoresItAndIsReplaced() {
		Browser browser = browser();
		signIn(browser, true);
		String original = browser.cookie(COOKIE).orElseThrow().getValue();
		this.clock.advance(Duration.ofHours(2));

		Browser.Page restored = browser.get("/notes");

		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.body()).isEqualTo("notes of jane@example.com");
		String replacement = browser.cookie(COOKIE).orElseThrow().getValue();
		assertThat(replacement).isNotEqualTo(original);
		assertThat(browser.get("/notes").status()).as("the new session").isEqualTo(200);
		this.clock.advance(Duration.ofDays(2));
		assertThat(browser.get("/notes").status()).as("restored again by the new token").isEqualTo(200);
	}

	@Test
	void rememberedDeviceLivesNoLongerThanTheLifetimeFromItsSignIn() {
		Browser browser = browser();
		signIn(browser, true);
		for (int day = 2; day < 30; day += 2) {
			this.clock.advance(Duration.ofDays(2));
			Browser.Page restored = browser.get("/notes");
			assertThat(restored.status()).as("day %d", day).isEqualTo(200);
			long remainingSeconds = Duration.ofDays(30 - day).toSeconds();
			assertThat(restored.setCookies()).as("day %d", day)
				.anySatisfy((cookie) -> assertThat(cookie).startsWith(COOKIE + "=")
					.contains("Max-Age=" + remainingSeconds));
		}

		this.clock.advance(Duration.ofDays(2));

		assertThat(browser.get("/notes").status()).as("30 days after signing in").isEqualTo(302);
	}

	@Test
	void manyTabsRestoringAtOnceAllGetInAndOneReplacesTheToken() throws Exception {
		Browser browser = browser();
		signIn(browser, true);
		String cookie = browser.cookie(COOKIE).orElseThrow().getValue();
		this.clock.advance(Duration.ofHours(2));
		int tabs = 8;
		ExecutorService executor = Executors.newFixedThreadPool(tabs);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Browser> browsers = new ArrayList<>();
			List<Future<Browser.Page>> answers = new ArrayList<>();
			for (int i = 0; i < tabs; i++) {
				Browser tab = browser();
				tab.setCookie(COOKIE, cookie);
				browsers.add(tab);
				answers.add(executor.submit(() -> {
					start.await();
					return tab.get("/notes");
				}));
			}
			start.countDown();
			for (Future<Browser.Page> answer : answers) {
				assertThat(answer.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
			}
			assertThat(browsers).filteredOn((tab) -> !tab.cookie(COOKIE).orElseThrow().getValue().equals(cookie))
				.hasSize(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void replacedTokenPresentedAfterTheGracePeriodRevokesEverything() {
		Browser victim = browser();
		signIn(victim, true);
		String stolen = victim.cookie(COOKIE).orElseThrow().getValue();
		this.clock.advance(Duration.ofHours(2));
		assertThat(victim.get("/notes").status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(31));
		Browser thief = browser();
		thief.setCookie(COOKIE, stolen);

		assertThat(thief.get("/notes").status()).isEqualTo(302);

		assertThat(victim.get("/notes").status()).as("the victim's session is revoked too").isEqualTo(302);
		this.clock.advance(Duration.ofHours(2));
		assertThat(victim.get("/notes").status()).as("and the victim's new token").isEqualTo(302);
	}

	@Test
	void signOutDeletesThisDevicesTokenAndCookie() {
		Browser browser = browser();
		signIn(browser, true);
		String cookie = browser.cookie(COOKIE).orElseThrow().getValue();

		Browser.Page answer = browser.submit(browser.get("/registration/edit"), "header form", Map.of());

		assertThat(answer.setCookies()).anySatisfy((value) -> assertThat(value).startsWith(COOKIE + "=;")
			.contains("Max-Age=0"));
		Browser replay = browser();
		replay.setCookie(COOKIE, cookie);
		assertThat(replay.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void passwordChangeRevokesEveryRememberMeToken() {
		Browser laptop = browser();
		signIn(laptop, true);
		Browser phone = browser();
		signIn(phone, true);

		laptop.submit(laptop.get("/registration/edit"), "form.pow-form", Map.of("userId", "jane@example.com",
				"currentPassword", "secret1234", "password", "new-secret-9", "passwordConfirmation", "new-secret-9"));
		this.clock.advance(Duration.ofHours(2));

		assertThat(phone.get("/notes").status()).isEqualTo(302);
		assertThat(laptop.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void passwordResetRevokesEveryRememberMeToken() {
		Browser phone = browser();
		signIn(phone, true);
		Browser browser = browser();
		browser.submit(browser.get("/reset-password/new"), "form.pow-form", Map.of("email", "jane@example.com"));
		String path = mailbox.awaitMail("jane@example.com", "Reset password link").path("/reset-password/");

		browser.submit(browser.get(path), "form.pow-form",
				Map.of("password", "new-secret-9", "passwordConfirmation", "new-secret-9"));

		this.clock.advance(Duration.ofHours(2));
		assertThat(phone.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void deletedAccountsTokenRestoresNothing() {
		Browser other = browser();
		signIn(other, true);
		String cookie = other.cookie(COOKIE).orElseThrow().getValue();
		Browser browser = browser();
		signIn(browser, false);

		browser.submit(browser.get("/registration/edit"), ".pow-danger-zone form",
				Map.of("currentPassword", "secret1234"));
		this.clock.advance(Duration.ofHours(2));

		Browser replay = browser();
		replay.setCookie(COOKIE, cookie);
		assertThat(replay.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void tamperedCookieRestoresNothingAndIsCleared() {
		Browser browser = browser();
		signIn(browser, true);
		String cookie = browser.cookie(COOKIE).orElseThrow().getValue();
		this.clock.advance(Duration.ofHours(2));
		Browser tampering = browser();
		// Another first character, whatever the random token starts with.
		tampering.setCookie(COOKIE, ((cookie.charAt(0) == 'x') ? "y" : "x") + cookie.substring(1));

		Browser.Page answer = tampering.get("/notes");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.setCookies()).anySatisfy((value) -> assertThat(value).startsWith(COOKIE + "=;"));
		assertThat(browser.get("/notes").status()).as("the real cookie still works").isEqualTo(200);
	}

	@Test
	void unconfirmedUserGetsNoRememberMeCookie() {
		register("joe@example.com", false);
		Browser browser = browser();

		Browser.Page answer = browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "joe@example.com", "password", "secret1234", "persistent_session", "true"));

		assertThat(answer.location()).endsWith("/session/new");
		assertThat(browser.cookie(COOKIE)).isEmpty();
		assertThat(browser.cookie("pow_session")).isEmpty();
		mailbox.awaitMail("joe@example.com", "Confirm your email address");
	}

	@Test
	void signInPageOffersTheCheckbox() {
		assertThat(browser().get("/session/new").text("label:has(input[name=persistent_session])"))
			.isEqualTo("Keep me signed in");
	}

	private Browser browser() {
		return new Browser(this.port);
	}

	private void register(String email, boolean confirmed) {
		assertThat(this.users.create(new UserParams(email, "secret1234", "secret1234")).succeeded()).isTrue();
		if (confirmed) {
			this.jdbc.sql("UPDATE users SET email_confirmed_at = now() WHERE email = ?").param(email).update();
		}
	}

	private Browser.Page signIn(Browser browser, boolean remember) {
		Map<String, String> fields = remember
				? Map.of("userId", "jane@example.com", "password", "secret1234", "persistent_session", "true")
				: Map.of("userId", "jane@example.com", "password", "secret1234");
		Browser.Page answer = browser.submit(browser.get("/session/new"), "form.pow-form", fields);
		assertThat(answer.location()).as("signed in: %s %s", answer.status(), answer.text("main")).matches("(https?://localhost:\\d+)?/");
		return answer;
	}

}
