package dev.powspring.web;

import java.util.Map;
import java.util.Set;

import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles over HTTP: new users get the default roles, initial admins the admin role; role
 * guards by annotation and by path pattern answer a page or JSON, anonymous users are sent
 * to sign in; a role change reaches a live session at once; a form can never set roles.
 */
@TestPropertySource(properties = { "pow.admin.initial-admins=Boss@Example.com", "pow.roles.default=user,reader",
		"pow.guards.role-paths.staff=/staff/**" })
class RolesTests extends WebFlowTestSupport {

	@Autowired
	private PowUsersService users;

	@Test
	void registeredThenDefaultRolesAndInitialAdminGetsAdmin() {
		register(browser(), "jane@example.com", "secret1234");
		register(browser(), "boss@example.com", "secret1234");

		assertThat(roles("jane@example.com")).isEqualTo("reader,user");
		assertThat(roles("boss@example.com")).isEqualTo("admin,reader,user");
	}

	@Test
	void initialAdminWhoRegisteredEarlierThenAdminAtTheNextSignIn() {
		register(browser(), "boss@example.com", "secret1234");
		this.jdbc.sql("UPDATE users SET roles = 'user'").update();
		Browser browser = browser();

		signIn(browser, "boss@example.com", "secret1234");

		assertThat(roles("boss@example.com")).isEqualTo("admin,user");
		assertThat(browser.get("/admin/report").body()).isEqualTo("report for boss@example.com");
	}

	@Test
	void roleGuardThenAnonymousToSignInAndSignedInWithoutRoleForbidden() {
		Browser anonymous = browser();
		Browser jane = browser();
		register(jane, "jane@example.com", "secret1234");

		Browser.Page anonymousPage = anonymous.get("/admin/report");
		Browser.Page anonymousJson = anonymous.get("/admin/report", "application/json");
		Browser.Page janePage = jane.get("/admin/report");
		Browser.Page janeJson = jane.get("/admin/report", "application/json");

		assertThat(anonymousPage.status()).isEqualTo(302);
		assertThat(anonymousPage.location()).contains("/session/new");
		assertThat(anonymousJson.status()).isEqualTo(401);
		assertThat(janePage.status()).isEqualTo(403);
		assertThat(janePage.body()).doesNotContain("report for");
		assertThat(janeJson.status()).isEqualTo(403);
		assertThat(janeJson.body()).contains("\"status\":403");
	}

	@Test
	void rolePathPatternThenOnlyThatRolePasses() {
		Browser jane = browser();
		register(jane, "jane@example.com", "secret1234");
		assertThat(jane.get("/staff/board").status()).isEqualTo(403);

		this.users.setRoles(user("jane@example.com"), Set.of("user", "staff"));

		assertThat(jane.get("/staff/board").body()).as("the live session sees the new role")
			.isEqualTo("board for jane@example.com");
	}

	@Test
	void roleRemovedThenALiveAdminSessionLosesItAtOnce() {
		Browser boss = browser();
		register(boss, "boss@example.com", "secret1234");
		assertThat(boss.get("/admin/report").status()).isEqualTo(200);

		this.users.setRoles(user("boss@example.com"), Set.of("user"));

		assertThat(boss.get("/admin/report").status()).isEqualTo(403);
	}

	@Test
	void formFieldsThenNeverRoles() {
		Browser jane = browser();
		Browser.Page form = jane.get("/registration/new");
		jane.submit(form, "form.pow-form", Map.of("userId", "jane@example.com", "password", "secret1234",
				"passwordConfirmation", "secret1234", "roles", "admin", "fields[roles]", "admin"));

		assertThat(roles("jane@example.com")).isEqualTo("reader,user");
		assertThat(jane.get("/admin/report").status()).isEqualTo(403);
	}

	private PowUser user(String email) {
		return this.users.getByUserId(email).orElseThrow();
	}

	private String roles(String email) {
		return this.jdbc.sql("SELECT roles FROM users WHERE email = ?").param(email).query(String.class).single();
	}

}
