package dev.powspring.twofactor;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.twofactor.testapp.TwoFactorTestApplication;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the two-factor test application over PostgreSQL. Codes are computed here from the
 * secret the enrolment page shows, at the time of the application's clock.
 */
@PostgresTest
@SpringBootTest(classes = TwoFactorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TwoFactorTestSupport {

	protected static final String EMAIL = "jane@example.com";

	protected static final String PASSWORD = "secret1234";

	@LocalServerPort
	protected int port;

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

	protected Browser browser() {
		return new Browser(this.port);
	}

	protected void register(String email, String password) {
		assertThat(this.users.create(new UserParams(email, password, password)).succeeded()).isTrue();
	}

	protected Long userId(String email) {
		return this.users.getByUserId(email).orElseThrow().getId();
	}

	protected Browser.Page signIn(Browser browser, String email, String password) {
		return browser.submit(browser.get(path("/session/new")), "form.pow-form",
				Map.of("userId", email, "password", password));
	}

	protected Browser.Page signIn(Browser browser, String email, String password, Map<String, String> extra) {
		Map<String, String> fields = new HashMap<>(extra);
		fields.put("userId", email);
		fields.put("password", password);
		return browser.submit(browser.get(path("/session/new")), "form.pow-form", fields);
	}

	/**
	 * Set two-factor sign-in up from the account page of a signed-in browser.
	 * @return the secret and the recovery codes
	 */
	protected Enrolment enrol(Browser browser, String password) {
		Browser.Page settings = browser.get(path("/registration/two-factor"));
		assertThat(settings.status()).isEqualTo(200);
		Browser.Page setup = browser.submit(settings, "form.pow-two-factor-setup", Map.of("current_password", password));
		String secret = secretOf(setup);
		Browser.Page codes = browser.submit(setup, "form.pow-two-factor-confirm", Map.of("code", code(secret)));
		assertThat(codes.status()).isEqualTo(200);
		List<String> recoveryCodes = recoveryCodesOf(codes);
		assertThat(recoveryCodes).hasSize(10);
		// The code just used cannot be used again: later codes come from later steps.
		this.clock.advance(Duration.ofSeconds(30));
		return new Enrolment(secret, recoveryCodes);
	}

	protected Enrolment registerWithTwoFactor(String email, String password) {
		register(email, password);
		Browser browser = browser();
		assertThat(signIn(browser, email, password).status()).isEqualTo(302);
		return enrol(browser, password);
	}

	protected static String secretOf(Browser.Page page) {
		Element secret = page.document().selectFirst(".pow-two-factor-secret");
		assertThat(secret).as("the secret on %s", page.body()).isNotNull();
		return secret.text().replace(" ", "");
	}

	protected static List<String> recoveryCodesOf(Browser.Page page) {
		return page.document().select(".pow-two-factor-recovery-codes code").eachText();
	}

	protected String code(String secret) {
		return Totp.code(Totp.fromBase32(secret), Totp.step(this.clock.instant()));
	}

	protected Browser.Page submitCode(Browser browser, String code) {
		return submitCode(browser, code, Map.of());
	}

	protected Browser.Page submitCode(Browser browser, String code, Map<String, String> extra) {
		Browser.Page page = browser.get(path("/two-factor/new"));
		assertThat(page.status()).as("the code page: %s", page.body()).isEqualTo(200);
		Map<String, String> fields = new HashMap<>(extra);
		fields.put("code", code);
		return browser.submit(page, "form.pow-form", fields);
	}

	protected boolean twoFactorEnabled(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM pow_two_factor WHERE user_id = :id AND enabled_at IS NOT NULL")
			.param("id", userId(email))
			.query(Integer.class)
			.single() == 1;
	}

	protected String home() {
		return "http://localhost:" + this.port + "/";
	}

	protected String path(String path) {
		return path;
	}

	protected record Enrolment(String secret, List<String> recoveryCodes) {

	}

}
