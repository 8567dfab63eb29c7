package dev.powspring.persistentsession;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.device.PowDeviceKind;
import dev.powspring.device.PowDevices;
import dev.powspring.device.PowDevices.ListedDevice;
import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.persistentsession.testapp.PersistentSessionTestApplication;
import dev.powspring.session.SessionMetadata;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remembered browsers as devices, over HTTP and PostgreSQL: listed with what their sign-in
 * recorded, ended with the sessions they restored, and a stolen token reported once.
 */
@PostgresTest
@SpringBootTest(classes = { PersistentSessionTestApplication.class, RememberMeDevicesTests.Events.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RememberMeDevicesTests {

	private static final String COOKIE = "persistent_session";

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	@LocalServerPort
	private int port;

	@Autowired
	private PowUsersService users;

	@Autowired
	private PowDevices devices;

	@Autowired
	private PersistentSessionTokens tokens;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private Events events;

	private Long userId;

	@BeforeEach
	void startClean() {
		this.jdbc.sql("DELETE FROM users").update();
		this.clock.advance(Duration.ofMinutes(5));
		PowUser user = this.users.create(new UserParams("jane@example.com", "secret1234", "secret1234")).user();
		this.userId = user.getId();
		// Email confirmation is on the classpath: only a confirmed user is remembered.
		this.jdbc.sql("UPDATE users SET email_confirmed_at = now() WHERE id = ?").param(this.userId).update();
		this.events.received.clear();
	}

	@Test
	void rememberedDeviceIsListedWithItsSignIn() {
		signIn(browser(), true);

		List<ListedDevice> listed = this.devices.list(this.userId, null);

		assertThat(listed).filteredOn((device) -> device.device().kind() == PowDeviceKind.REMEMBER_ME)
			.singleElement()
			.satisfies((device) -> {
				assertThat(device.device().get(SessionMetadata.BROWSER)).isEqualTo("Firefox");
				assertThat(device.device().get(SessionMetadata.OS)).isEqualTo("Linux");
				assertThat(device.device().get(SessionMetadata.METHOD)).isEqualTo("password");
				assertThat(device.device().get(SessionMetadata.CLIENT_ADDRESS)).isNotBlank();
				assertThat(device.device().expiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofDays(30)));
				assertThat(device.current()).as("no request to call it current").isFalse();
			});
	}

	@Test
	void endingARememberedDeviceEndsItsTokenAndTheSessionItRestored() {
		Browser browser = browser();
		signIn(browser, true);
		this.clock.advance(Duration.ofHours(2));
		assertThat(browser.get("/notes").status()).as("restored from the cookie").isEqualTo(200);
		String sessionCookie = browser.cookie("pow_session").orElseThrow().getValue();
		String rememberCookie = browser.cookie(COOKIE).orElseThrow().getValue();
		ListedDevice remembered = this.devices.list(this.userId, null)
			.stream()
			.filter((device) -> device.device().kind() == PowDeviceKind.REMEMBER_ME)
			.findFirst()
			.orElseThrow();

		assertThat(this.devices.end(this.userId, remembered.id(), null)).isPresent();

		assertThat(this.tokens.live(this.userId)).isEmpty();
		Browser withSession = browser();
		withSession.setCookie("pow_session", sessionCookie);
		assertThat(withSession.get("/notes").status()).as("the restored session").isEqualTo(302);
		Browser withToken = browser();
		withToken.setCookie(COOKIE, rememberCookie);
		assertThat(withToken.get("/notes").status()).as("the remember-me cookie").isEqualTo(302);
		assertThat(browser.get("/notes").status()).as("the browser with both").isEqualTo(302);
	}

	@Test
	void stolenTokenIsReportedOnceWithoutTheToken() {
		Browser victim = browser();
		signIn(victim, true);
		String stolen = victim.cookie(COOKIE).orElseThrow().getValue();
		this.clock.advance(Duration.ofHours(2));
		assertThat(victim.get("/notes").status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(31));
		Browser thief = new Browser(this.port).header("User-Agent", "thief/1.0");
		thief.setCookie(COOKIE, stolen);

		assertThat(thief.get("/notes").status()).isEqualTo(302);

		assertThat(this.events.received).filteredOn((event) -> event.type() == PowAuthEventType.REMEMBER_ME_THEFT)
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.userId()).isEqualTo(this.userId);
				assertThat(event.userAgent()).isEqualTo("thief/1.0");
				assertThat(event.clientAddress()).isNotBlank();
				assertThat(event.occurredAt()).isEqualTo(this.clock.instant());
				assertThat(event.details()).isEmpty();
			});
		assertThat(this.events.received).as("a restore is one sign-in, published by the core")
			.filteredOn((event) -> event.type() == PowAuthEventType.SIGNED_IN)
			.extracting((event) -> event.detail(PowAuthEvent.METHOD))
			.containsExactly("password", "remember_me");
		assertThat(this.events.received).allSatisfy((event) -> assertThat(event.toString()).doesNotContain(stolen));
	}

	private Browser browser() {
		return new Browser(this.port).header("User-Agent", FIREFOX);
	}

	private void signIn(Browser browser, boolean remember) {
		Map<String, String> fields = remember
				? Map.of("userId", "jane@example.com", "password", "secret1234", "persistent_session", "true")
				: Map.of("userId", "jane@example.com", "password", "secret1234");
		Browser.Page answer = browser.submit(browser.get("/session/new"), "form.pow-form", fields);
		assertThat(answer.status()).as("signed in: %s", answer.text("main")).isEqualTo(302);
		assertThat(browser.cookie(COOKIE).isPresent()).isEqualTo(remember);
	}

	/**
	 * Collects every auth event, from whichever server thread publishes it.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Events {

		final List<PowAuthEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PowAuthEvent event) {
			this.received.add(event);
		}

	}

}
