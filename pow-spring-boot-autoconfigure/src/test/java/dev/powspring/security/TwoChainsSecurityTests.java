package dev.powspring.security;

import java.util.Map;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.security.chains.TwoChainsApplication;
import dev.powspring.testapp.web.WebTestApplication.SessionCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own chain with Pow added in one line, beside a stateless chain for
 * machine clients: the first chain that matches a request serves it, Pow's pages stay open
 * whatever the browser chain's rules say, and roles from the authorities mapper decide
 * the application's rules.
 */
@PostgresTest
@SpringBootTest(classes = TwoChainsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoChainsSecurityTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SessionCounter httpSessions;

	@Autowired
	private PowSecurityChainsCheck chainsCheck;

	@BeforeEach
	void deleteUsers() {
		this.jdbc.sql("DELETE FROM users").update();
	}

	@AfterEach
	void noHttpSession() {
		assertThat(this.httpSessions.created()).as("servlet sessions created").isZero();
	}

	@Test
	void powPagesWhenTheChainRequiresAuthenticationThenStillOpen() {
		Browser browser = browser();

		assertThat(browser.get("/").body()).isEqualTo("home");
		assertThat(browser.get("/session/new").status()).isEqualTo(200);
		assertThat(browser.get("/registration/new").status()).isEqualTo(200);
		assertThat(browser.get("/reports").location()).endsWith("/session/new?request_path=%2Freports");
	}

	@Test
	void accountPageThenGuardedByPowNotOpenedToAnonymousUsers() {
		Browser.Page answer = browser().get("/registration/edit");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).contains("/session/new");
	}

	@Test
	void signedInUserThenApplicationRulesSeeThePowUser() {
		Browser browser = browser();
		register(browser, "jane@example.com");

		assertThat(browser.get("/reports").body()).isEqualTo("reports, for jane@example.com");
	}

	@Test
	void pageForAdminsWhenUserLacksTheRoleThenForbiddenPageOrJson() {
		Browser browser = browser();
		register(browser, "jane@example.com");

		assertThat(browser.get("/admin/users").status()).isEqualTo(403);
		Browser.Page json = browser.get("/admin/users", "application/json");
		assertThat(json.status()).isEqualTo(403);
		assertThat(json.body()).contains("\"status\":403").contains("\"message\":\"Forbidden\"");
	}

	@Test
	void pageForAdminsWhenAuthoritiesMapperGivesTheRoleThenServed() {
		Browser browser = browser();
		register(browser, "admin@example.com");

		assertThat(browser.get("/admin/users").body()).isEqualTo("users, for admin@example.com");
	}

	@Test
	void machineChainThenServesItsPathsWithItsOwnMechanism() {
		Browser robot = browser();
		robot.header("Authorization", "Basic cm9ib3Q6YmVlcC1ib29w");

		assertThat(robot.get("/api/status", "application/json").body()).isEqualTo("{\"caller\":\"robot\"}");
	}

	@Test
	void machineChainWhenOnlyAPowSessionThenRefused() {
		Browser browser = browser();
		register(browser, "jane@example.com");

		assertThat(browser.get("/api/status", "application/json").status()).as("the first matching chain decides")
			.isEqualTo(401);
	}

	@Test
	void startupThenNoProblemReported() {
		assertThat(this.chainsCheck.problems()).isEmpty();
	}

	private void register(Browser browser, String email) {
		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(answer.status()).as("registration: %s", answer.body()).isEqualTo(302);
	}

	private Browser browser() {
		return new Browser(this.port);
	}

}
