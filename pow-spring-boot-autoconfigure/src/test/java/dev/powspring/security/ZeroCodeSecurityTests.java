package dev.powspring.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.security.zerocode.ZeroCodeSecurityApplication;
import dev.powspring.testapp.security.zerocode.ZeroCodeSecurityApplication.CountingPowCsrf;
import dev.powspring.testapp.security.zerocode.ZeroCodeSecurityApplication.Notes;
import dev.powspring.testapp.web.WebTestApplication.SessionCounter;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application that adds Spring Security and declares no filter chain, over real HTTP
 * against PostgreSQL: Pow's chain applies, Spring Security sees Pow's user, and Pow's
 * rules hold.
 */
@PostgresTest
@SpringBootTest(classes = ZeroCodeSecurityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pow.session.renewal-interval=15m", "pow.session.absolute-ttl=8h" })
class ZeroCodeSecurityTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private SessionCounter httpSessions;

	@Autowired
	private CountingPowCsrf powCsrf;

	@Autowired
	private Notes notes;

	@Autowired
	private PowUsersService users;

	@Autowired
	private PowSecurityChainsCheck chainsCheck;

	@Autowired
	private AuthenticationConfiguration authenticationConfiguration;

	@Autowired
	private ApplicationContext context;

	@BeforeEach
	void deleteUsers() {
		this.jdbc.sql("DELETE FROM users").update();
		this.notes.bodies().clear();
	}

	@AfterEach
	void noHttpSession() {
		assertThat(this.httpSessions.created()).as("servlet sessions created").isZero();
	}

	@Test
	void powPagesWhenAnonymousThenOpen() {
		Browser browser = browser();

		assertThat(browser.get("/session/new").status()).isEqualTo(200);
		assertThat(browser.get("/registration/new").status()).isEqualTo(200);
		assertThat(browser.get("/pow/pow.css").status()).isEqualTo(200);
	}

	@Test
	void applicationPageWhenAnonymousBrowserThenSignInWithRequestPath() {
		Browser browser = browser();

		Browser.Page answer = browser.get("/account?tab=1");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/session/new?request_path=%2Faccount%3Ftab%3D1");
		assertThat(browser.follow(answer).status()).isEqualTo(200);
	}

	@Test
	void applicationPageWhenAnonymousApiClientThenJson401() {
		Browser.Page answer = browser().get("/api/me", "application/json");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(answer.body()).contains("\"status\":401").contains("\"message\":\"Not authenticated\"");
	}

	@Test
	void signInThenSpringSecurityHoldsThePowUser() {
		Browser browser = browser();
		register(browser, "jane@example.com");

		assertThat(browser.get("/account").body())
			.isEqualTo("account of jane@example.com, held as jane@example.com with [ROLE_USER]");
		assertThat(browser.get("/greeting").body()).isEqualTo("hello jane@example.com");
		assertThat(browser.get("/api/me", "application/json").body()).isEqualTo("{\"userId\":\"jane@example.com\"}");
	}

	@Test
	void roleGrantedOrRemovedThenHasRoleSeesItInTheLiveSession() {
		Browser browser = browser();
		register(browser, "jane@example.com");
		assertThat(browser.get("/admin-area").status()).isEqualTo(403);
		PowUser jane = this.users.getByUserId("jane@example.com").orElseThrow();

		this.users.setRoles(jane, Set.of("user", "admin"));

		assertThat(browser.get("/admin-area").body()).isEqualTo("admin area of jane@example.com");
		assertThat(browser.get("/account").body()).endsWith("with [ROLE_USER, ROLE_ADMIN]");

		this.users.setRoles(jane, Set.of("user"));

		assertThat(browser.get("/admin-area").status()).isEqualTo(403);
	}

	@Test
	void signInFormThenReturnsToThePageAskedFor() {
		register(browser(), "jane@example.com");
		Browser browser = browser();
		Browser.Page signIn = browser.follow(browser.get("/account"));

		Browser.Page signedIn = browser.submit(signIn, "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234"));

		assertThat(signedIn.location()).endsWith("/account");
		assertThat(browser.follow(signedIn).body()).startsWith("account of jane@example.com");
	}

	@Test
	void methodSecurityWhenAnonymousThenRefusedBeforeTheService() {
		assertThat(browser().get("/greeting").status()).isEqualTo(302);
	}

	@Test
	void pageForAnonymousUsersThenOpenToThemAndGuardedAgainstSignedInUsers() {
		assertThat(browser().get("/welcome").body()).isEqualTo("welcome, stranger");
		Browser browser = browser();
		register(browser, "jane@example.com");

		assertThat(browser.get("/welcome").status()).as("Pow's guard still applies").isEqualTo(302);
	}

	@Test
	void formsCarryOneTokenThatBothPowAndSpringSecurityAccept() {
		Browser browser = browser();
		Browser.Page form = browser.get("/registration/new");

		List<String> tokens = form.document().select("form.pow-form input[name=_csrf]").eachAttr("value");

		assertThat(tokens).isNotEmpty();
		assertThat(tokens).as("every _csrf field of the form").containsOnly(tokens.get(0));
		register(browser, "jane@example.com");
	}

	@Test
	void validPostThenTokenCheckedOnceBySpringSecurityAlone() {
		Browser browser = browser();
		register(browser, "jane@example.com");
		int powChecks = this.powCsrf.checks();

		Browser.Page answer = browser.post("/notes", Map.of("body", "milk", "_csrf", token(browser)));

		assertThat(answer.body()).isEqualTo("noted");
		assertThat(this.powCsrf.checks()).as("Pow's own checks").isEqualTo(powChecks);
	}

	@Test
	void forgedPostThenRefusedOnceAndNothingChanged() {
		Browser browser = browser();
		register(browser, "jane@example.com");
		int powChecks = this.powCsrf.checks();

		Browser.Page withoutToken = browser.post("/notes", Map.of("body", "forged"));
		Browser.Page withWrongToken = browser.post("/notes", Map.of("body", "forged", "_csrf", "forged.token"));
		Browser.Page deleteAccount = browser.post("/registration",
				Map.of("_method", "delete", "currentPassword", "secret1234"));

		assertThat(withoutToken.status()).isEqualTo(403);
		assertThat(withWrongToken.status()).isEqualTo(403);
		assertThat(deleteAccount.status()).isEqualTo(403);
		assertThat(this.notes.bodies()).isEmpty();
		assertThat(userCount()).isEqualTo(1);
		assertThat(this.powCsrf.checks()).as("refused by Spring Security before Pow checks").isEqualTo(powChecks);
	}

	@Test
	void springSecurityLogoutThenPowSessionEnded() {
		Browser browser = browser();
		register(browser, "jane@example.com");
		String session = browser.cookie("pow_session").orElseThrow().getValue();

		Browser.Page loggedOut = browser.post("/logout", Map.of("_csrf", token(browser)));

		assertThat(loggedOut.location()).endsWith("/session/new");
		assertThat(browser.follow(loggedOut).status()).isEqualTo(200);
		Browser replay = browser();
		replay.setCookie("pow_session", session);
		assertThat(replay.get("/account").status()).as("the old session cookie").isEqualTo(302);
	}

	@Test
	void powSignOutThenSpringSecurityNoLongerSeesTheUser() {
		Browser browser = browser();
		register(browser, "jane@example.com");

		Browser.Page signedOut = browser.post("/session", Map.of("_method", "delete", "_csrf", token(browser)));

		assertThat(signedOut.location()).endsWith("/session/new");
		assertThat(browser.get("/account").status()).isEqualTo(302);
	}

	@Test
	void securityHeadersThenSentOnce() {
		Browser browser = browser();
		assertHeadersOnce(browser.get("/session/new"));
		register(browser, "jane@example.com");

		assertHeadersOnce(browser.get("/registration/edit"));
		assertHeadersOnce(browser.get("/account"));
	}

	private static void assertHeadersOnce(Browser.Page page) {
		assertThat(page.status()).as(page.path()).isEqualTo(200);
		for (String header : List.of("x-frame-options", "x-content-type-options", "cache-control")) {
			assertThat(page.headers().get(header)).as(header + " on " + page.path()).hasSize(1);
		}
	}

	@Test
	void wrongPasswordsThenThrottledAsWithoutSpringSecurity() {
		register(browser(), "jane@example.com");
		for (int i = 0; i < 10; i++) {
			assertThat(signIn(browser(), "jane@example.com", "wrong-" + i).status()).isEqualTo(200);
		}

		assertThat(signIn(browser(), "jane@example.com", "secret1234").status()).isEqualTo(429);
		this.clock.advance(Duration.ofMinutes(15));
	}

	@Test
	void sessionRotationAndAbsoluteLifetimeHoldUnderSpringSecurity() {
		Browser browser = browser();
		register(browser, "jane@example.com");
		String first = browser.cookie("pow_session").orElseThrow().getValue();

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(browser.get("/account").status()).isEqualTo(200);
		assertThat(browser.cookie("pow_session").orElseThrow().getValue()).as("rotated").isNotEqualTo(first);

		for (int i = 0; i < 32; i++) {
			this.clock.advance(Duration.ofMinutes(15));
			browser.get("/account");
		}
		assertThat(browser.get("/account").status()).as("beyond the absolute lifetime").isEqualTo(302);
	}

	@Test
	void authenticationManagerThenChecksPowsUsersAndNoUserIsGenerated() throws Exception {
		register(browser(), "jane@example.com");
		AuthenticationManager manager = this.authenticationConfiguration.getAuthenticationManager();

		Authentication authenticated = manager
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("jane@example.com", "secret1234"));

		assertThat(authenticated).isInstanceOf(PowAuthentication.class);
		assertThat(authenticated.getName()).isEqualTo("jane@example.com");
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> manager
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("jane@example.com", "wrong")));
		assertThat(this.context.getBeanNamesForType(InMemoryUserDetailsManager.class)).isEmpty();
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

	private Browser.Page signIn(Browser browser, String email, String password) {
		return browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", password));
	}

	// The token of the browser's session, as Pow's pages carry it.
	private static String token(Browser browser) {
		return browser.get("/registration/edit").document().select("input[name=_csrf]").first().attr("value");
	}

	private Browser browser() {
		return new Browser(this.port);
	}

	private long userCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
	}

}
