package dev.powspring.realm;

import java.time.Duration;
import java.util.Map;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.realms.RealmsTestApplication;
import dev.powspring.testapp.realms.StaffMember;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.defaults.email.DefaultEmailUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two realms side by side over real HTTP and PostgreSQL: members in the default realm,
 * staff at /staff with their own table, cookies, sessions, messages and templates.
 */
@PostgresTest
@SpringBootTest(classes = RealmsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pow.realms.staff.schema=${pow.test.schema}_staff",
				"pow.realms.staff.user-class=dev.powspring.testapp.realms.StaffMember", "pow.realms.staff.session.ttl=5m",
				"pow.realms.staff.session.renewal-interval=", "pow.realms.staff.throttle.sign-in-per-account.max=2",
				// The default realm's own: it would lock every staff page to admins if inherited.
				"pow.guards.role-paths.admin=/staff/**" })
class RealmsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PowRealms realms;

	@Autowired
	MutableClock clock;

	@Autowired
	PowUsersService users;

	@Value("${pow.test.schema}_staff")
	String staffSchema;

	@BeforeEach
	void deleteUsers() {
		this.jdbc.sql("DELETE FROM users").update();
		this.jdbc.sql("DELETE FROM " + this.staffSchema + ".users").update();
	}

	@Test
	void sameEmailRegistersOnceInEachRealmAsTwoUsersInTwoTables() {
		register(browser(), "", "jane@example.com");
		register(browser(), "/staff", "jane@example.com");

		assertThat(count("users")).isOne();
		assertThat(count(this.staffSchema + ".users")).isOne();
		assertThat(this.realms.getBean("staff", PowUsersService.class).getByUserId("jane@example.com"))
			.get()
			.isInstanceOf(StaffMember.class);
		assertThat(this.users.getByUserId("jane@example.com")).get().isInstanceOf(DefaultEmailUser.class);
		assertThat(count("information_schema.columns WHERE table_schema = '" + this.staffSchema
				+ "' AND table_name = 'users' AND column_name = 'badge'")).as("the realm's own migration").isOne();
		assertThat(count("information_schema.columns WHERE table_schema = current_schema() "
				+ "AND table_name = 'users' AND column_name = 'badge'")).as("not in the members' table").isZero();
	}

	@Test
	void staffSessionIsAnonymousInTheDefaultRealmAndTheOtherWayRound() {
		Browser staff = browser();
		register(staff, "/staff", "boss@example.com");

		assertThat(staff.cookie("pow_staff_session")).isPresent();
		assertThat(staff.cookie("pow_session")).isEmpty();
		assertThat(staff.get("/staff/board").body()).isEqualTo("board for boss@example.com");
		Browser.Page notes = staff.get("/notes");
		assertThat(notes.status()).isEqualTo(302);
		assertThat(notes.location()).contains("/session/new").doesNotContain("/staff");

		Browser member = browser();
		register(member, "", "jane@example.com");
		assertThat(member.get("/notes").body()).isEqualTo("notes of jane@example.com");
		Browser.Page board = member.get("/staff/board");
		assertThat(board.status()).isEqualTo(302);
		assertThat(board.location()).contains("/staff/session/new");
	}

	@Test
	void pageOfARealmMappedOutsideItsAreaOpensForNobody() {
		Browser staff = browser();
		register(staff, "/staff", "boss@example.com");

		Browser.Page reports = staff.get("/reports");

		assertThat(reports.status()).isEqualTo(302);
		assertThat(staff.get("/whoami").body()).isEqualTo("user=- staff=-");
	}

	@Test
	void signingOutOfOneRealmLeavesTheOtherSignedIn() {
		Browser both = browser();
		register(both, "", "jane@example.com");
		register(both, "/staff", "jane@example.com");

		Browser.Page signOut = both.submit(both.get("/staff/registration/edit"), "header form",
				Map.of("_method", "delete"));

		assertThat(signOut.status()).isEqualTo(302);
		assertThat(both.get("/staff/board").status()).isEqualTo(302);
		assertThat(both.get("/notes").body()).isEqualTo("notes of jane@example.com");
	}

	@Test
	void defaultRealmsPathGuardsDoNotApplyInTheRealm() {
		Browser.Page lounge = browser().get("/staff/lounge");

		assertThat(lounge.status()).isEqualTo(200);
		assertThat(lounge.body()).isEqualTo("lounge");
	}

	@Test
	void realmHasLifetimesOfItsOwn() {
		Browser both = browser();
		register(both, "", "jane@example.com");
		register(both, "/staff", "jane@example.com");

		this.clock.advance(Duration.ofMinutes(10));

		assertThat(both.get("/staff/board").status()).as("staff sessions last 5 minutes").isEqualTo(302);
		assertThat(both.get("/notes").body()).as("members' last 30").isEqualTo("notes of jane@example.com");
	}

	@Test
	void realmThrottlesWithItsOwnLimitsAndCounters() {
		register(browser(), "", "jane@example.com");
		register(browser(), "/staff", "jane@example.com");

		for (int i = 0; i < 2; i++) {
			signIn(browser(), "/staff", "jane@example.com", "wrong-password");
		}

		assertThat(signIn(browser(), "/staff", "jane@example.com", "secret1234").status()).isEqualTo(429);
		assertThat(signIn(browser(), "", "jane@example.com", "secret1234").status()).isEqualTo(302);
	}

	@Test
	void realmPagesUseTheRealmsMessagesAndTemplates() {
		Browser browser = browser();

		assertThat(browser.get("/staff/session/new").text("h1")).isEqualTo("Staff sign in");
		assertThat(browser.get("/session/new").text("h1")).isEqualTo("Sign in");
		register(browser, "", "jane@example.com");
		register(browser, "/staff", "jane@example.com");
		assertThat(browser.get("/staff/registration/edit").text(".staff-notice"))
			.isEqualTo("Staff accounts are for employees only.");
		assertThat(browser.get("/registration/edit").document().select(".staff-notice")).isEmpty();
		assertThat(browser.get("/registration/edit").document().select("form.pow-form")).isNotEmpty();
	}

	@Test
	void csrfTokenOfOneRealmIsRefusedByTheOther() {
		Browser browser = browser();
		Browser.Page memberForm = browser.get("/registration/new");
		String memberToken = memberForm.document().select("input[name=_csrf]").attr("value");

		Browser.Page answer = browser.post("/staff/registration", Map.of("_csrf", memberToken, "userId",
				"boss@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(count(this.staffSchema + ".users")).isZero();
	}

	private Browser browser() {
		return new Browser(this.port);
	}

	private void register(Browser browser, String prefix, String email) {
		Browser.Page form = browser.get(prefix + "/registration/new");
		Browser.Page answer = browser.submit(form, "form.pow-form",
				Map.of("userId", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(answer.status()).as("registration of %s at %s: %s", email, prefix, answer.body()).isEqualTo(302);
	}

	private Browser.Page signIn(Browser browser, String prefix, String email, String password) {
		return browser.submit(browser.get(prefix + "/session/new"), "form.pow-form",
				Map.of("userId", email, "password", password));
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

}
