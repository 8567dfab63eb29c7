package dev.powspring.admin;

import java.util.Map;

import dev.powspring.admin.testapp.AdminTestApplication;
import dev.powspring.tenant.PowTenantContext;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console when every tenant's users share one table ({@code pow.tenancy.mode=column}):
 * an admin of one tenant lists, finds and acts on that tenant's users only.
 */
@PostgresTest
@SpringBootTest(classes = AdminTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pow.admin.initial-admins=boss@example.com", "pow.tenancy.mode=column",
				"pow.tenancy.resolver=header", "pow.tenancy.tenants=acme,globex",
				"pow.email-confirmation.enabled=false" })
class AdminTenancyTests {

	@LocalServerPort
	int port;

	@Autowired
	PowUsersService users;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void startClean() {
		this.jdbc.sql("DELETE FROM users").update();
	}

	@Test
	void adminSeesAndActsOnTheUsersOfTheirTenantOnly() {
		create("acme", "boss@example.com");
		create("acme", "jane@example.com");
		create("globex", "boss@example.com");
		Long globexJoe = create("globex", "joe@example.com");
		Browser boss = signIn("acme", "boss@example.com");

		assertThat(boss.get("/admin/users").document().select("tr[data-test=user] td:first-child").eachText())
			.containsExactlyInAnyOrder("boss@example.com", "jane@example.com");
		assertThat(boss.get("/admin/users?q=joe").document().select("tr[data-test=user]")).isEmpty();
		assertThat(boss.get("/admin/users/" + globexJoe).status()).isEqualTo(404);
		String csrf = boss.get("/registration/edit").document().selectFirst("input[name=_csrf]").val();
		boss.post("/admin/users/" + globexJoe + "/lock",
				Map.of("_csrf", csrf, "reason", "Spam", "confirmed", "true"));
		assertThat(this.jdbc.sql("SELECT locked_at IS NULL FROM users WHERE id = ?")
			.param(globexJoe)
			.query(Boolean.class)
			.single()).as("the other tenant's user is untouched").isTrue();
	}

	private Long create(String tenant, String email) {
		return PowTenantContext.callAs(tenant,
				() -> this.users.create(new UserParams(email, "secret1234", "secret1234")).user().getId());
	}

	private Browser signIn(String tenant, String email) {
		Browser browser = new Browser(this.port).header("X-Pow-Tenant", tenant);
		Browser.Page answer = browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234"));
		assertThat(answer.status()).as("signing in %s: %s", email, answer.body()).isEqualTo(302);
		return browser;
	}

}
