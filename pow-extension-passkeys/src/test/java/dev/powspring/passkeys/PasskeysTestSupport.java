package dev.powspring.passkeys;

import java.time.Duration;
import java.util.Map;

import dev.powspring.passkeys.testapp.PasskeysTestApplication;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the passkeys test application over PostgreSQL, with a software authenticator.
 */
@PostgresTest
@SpringBootTest(classes = PasskeysTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PasskeysTestSupport {

	protected static final String PASSWORD = "secret1234";

	@LocalServerPort
	protected int port;

	@Value("${pow.routes.prefix:}")
	protected String prefix;

	@Autowired
	protected PowUsersService users;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	@BeforeEach
	void startClean() {
		this.jdbc.sql("DELETE FROM users").update();
		// Past the throttling windows of earlier tests.
		this.clock.advance(Duration.ofHours(2));
	}

	protected String path(String route) {
		return this.prefix + route;
	}

	protected TestAuthenticator authenticator() {
		return new TestAuthenticator("http://localhost:" + this.port, "localhost");
	}

	protected Long register(String email) {
		return this.users.create(new UserParams(email, PASSWORD, PASSWORD)).user().getId();
	}

	protected Browser signedIn(String email) {
		Browser browser = new Browser(this.port);
		Browser.Page answer = browser.submit(browser.get(path("/session/new")), "form.pow-form",
				Map.of("userId", email, "password", PASSWORD));
		assertThat(answer.status()).as("password sign-in").isEqualTo(302);
		return browser;
	}

	protected int signedInStatus(String email) {
		Browser browser = new Browser(this.port);
		browser.submit(browser.get(path("/session/new")), "form.pow-form", Map.of("userId", email, "password", PASSWORD));
		return browser.get("/notes").status();
	}

	protected static String csrf(Browser.Page page) {
		Element input = page.document().selectFirst("input[name=_csrf]");
		assertThat(input).as("CSRF field on " + page.path()).isNotNull();
		return input.attr("value");
	}

	protected String registrationOptions(Browser browser) {
		Browser.Page page = browser.get(path("/registration/passkeys"));
		Browser.Page options = browser.post(path("/registration/passkeys/options"), Map.of("_csrf", csrf(page)));
		assertThat(options.status()).as(options.body()).isEqualTo(200);
		return options.body();
	}

	protected Browser.Page addPasskey(Browser browser, String credential, String name) {
		return browser.submit(browser.get(path("/registration/passkeys")), "#pow-passkey-add",
				Map.of("credential", credential, "name", name));
	}

	protected TestAuthenticator addPasskey(Browser browser, String name) {
		TestAuthenticator authenticator = authenticator();
		Browser.Page answer = addPasskey(browser, authenticator.create(registrationOptions(browser)), name);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(browser.follow(answer).text(".pow-flash-info")).isEqualTo("The passkey has been added.");
		return authenticator;
	}

	protected String signInOptions(Browser browser) {
		Browser.Page page = browser.get(path("/session/new"));
		Browser.Page options = browser.post(path("/session/passkey/options"), Map.of("_csrf", csrf(page)));
		assertThat(options.status()).as(options.body()).isEqualTo(200);
		return options.body();
	}

	protected Browser.Page signInWithPasskey(Browser browser, String credential) {
		Browser.Page page = browser.get(path("/session/new"));
		return browser.post(path("/session/passkey"), Map.of("_csrf", csrf(page), "credential", credential));
	}

	protected Browser.Page signInWithPasskey(Browser browser, TestAuthenticator authenticator) {
		return signInWithPasskey(browser, authenticator.get(signInOptions(browser)));
	}

	/**
	 * Register a passkey from the account page, sign in with it alone, and see its
	 * challenge refused a second time.
	 */
	protected void assertMainFlow() {
		Long id = register("jane@example.com");
		TestAuthenticator authenticator = addPasskey(signedIn("jane@example.com"), "Laptop").counter(1);
		assertThat(passkeyCount(id)).isEqualTo(1);

		Browser browser = new Browser(this.port);
		String options = signInOptions(browser);
		Browser.Page answer = signInWithPasskey(browser, authenticator.get(options));
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).doesNotContain("/session");
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
		assertThat(browser.get(path("/registration/passkeys")).text(".pow-passkey-name")).isEqualTo("Laptop");

		Browser again = new Browser(this.port);
		assertThat(signInWithPasskey(again, authenticator.assertion(challenge(options), 5)).status()).isEqualTo(400);
		assertThat(again.get("/notes").status()).isEqualTo(302);
	}

	protected static String challenge(String options) {
		return TestAuthenticator.parse(options).get("challenge").asString();
	}

	protected long passkeyCount(Long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM pow_passkeys WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

}
