package dev.powspring.admin;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.powspring.admin.testapp.AdminTestApplication;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.test.mail.SmtpTestServer;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the admin test application over PostgreSQL with a real SMTP server. Boss is an
 * initial admin; every test starts with no users and no recorded events.
 */
@PostgresTest
@SpringBootTest(classes = AdminTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "pow.admin.initial-admins=boss@example.com,chief@example.com")
abstract class AdminTestSupport {

	@RegisterExtension
	static final SmtpTestServer mailbox = new SmtpTestServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		mailbox.pointSpringMailAt(registry);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected PowUsersService users;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected AdminTestApplication.AdminEvents events;

	@Autowired
	private PowMailDelivery mailDelivery;

	@BeforeEach
	void startClean() throws Exception {
		this.jdbc.sql("DELETE FROM users").update();
		mailbox.clearOnceIdle(() -> this.mailDelivery.inFlight() == 0);
		this.events.clear();
	}

	protected Browser browser() {
		return new Browser(this.port);
	}

	/**
	 * Create a confirmed user and sign them in.
	 */
	protected Browser signedIn(String email) {
		createConfirmed(email);
		return signIn(email, Map.of());
	}

	protected Long createConfirmed(String email) {
		Long id = create(email);
		this.jdbc.sql("UPDATE users SET email_confirmed_at = now() WHERE id = ?").param(id).update();
		return id;
	}

	protected Long create(String email) {
		var result = this.users.create(new UserParams(email, "secret1234", "secret1234"));
		assertThat(result.succeeded()).as("creating %s", email).isTrue();
		return result.user().getId();
	}

	protected Browser signIn(String email, Map<String, String> extra) {
		Browser browser = browser();
		Map<String, String> fields = new HashMap<>(extra);
		fields.put("userId", email);
		fields.put("password", "secret1234");
		Browser.Page answer = browser.submit(browser.get("/session/new"), "form.pow-form", fields);
		assertThat(answer.status()).as("signing in %s: %s", email, answer.body()).isEqualTo(302);
		return browser;
	}

	protected Long idOf(String email) {
		return this.jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
	}

	protected String roles(String email) {
		return this.jdbc.sql("SELECT roles FROM users WHERE email = ?").param(email).query(String.class).single();
	}

	protected boolean exists(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single() == 1;
	}

	protected boolean locked(String email) {
		return this.jdbc.sql("SELECT locked_at IS NOT NULL FROM users WHERE email = ?")
			.param(email)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Press an action's button on a user's page, then confirm it when asked.
	 */
	protected Browser.Page confirmAndAct(Browser admin, Long userId, String formClass, Map<String, String> fields) {
		Browser.Page question = act(admin, userId, formClass, fields);
		assertThat(question.status()).as("confirmation page: %s", question.body()).isEqualTo(200);
		return admin.submit(question, "form.pow-admin-confirm", Map.of());
	}

	/**
	 * Press an action's button on a user's page.
	 */
	protected Browser.Page act(Browser admin, Long userId, String formClass, Map<String, String> fields) {
		Browser.Page page = admin.get("/admin/users/" + userId);
		assertThat(page.status()).isEqualTo(200);
		return admin.submit(page, "form." + formClass, fields);
	}

	/**
	 * Follow a redirect and return the flash message the page shows.
	 */
	protected static String flash(Browser browser, Browser.Page redirect) {
		assertThat(redirect.status()).as("redirect: %s", redirect.body()).isEqualTo(302);
		return browser.follow(redirect).text(".pow-flash");
	}

	/**
	 * Return a valid CSRF token of the browser's session, from its account page.
	 */
	protected static String csrf(Browser browser) {
		return browser.get("/registration/edit").document().selectFirst("input[name=_csrf]").val();
	}

	protected void advance(Duration duration) {
		this.clock.advance(duration);
	}

}
