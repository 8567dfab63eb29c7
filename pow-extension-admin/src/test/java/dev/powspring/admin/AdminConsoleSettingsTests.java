package dev.powspring.admin;

import java.util.Map;

import dev.powspring.admin.testapp.AdminTestApplication;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's settings: its page size, how it looks without email confirmation, and
 * switched off.
 */
class AdminConsoleSettingsTests {

	@Nested
	@PostgresTest
	@SpringBootTest(classes = AdminTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "pow.admin.initial-admins=boss@example.com", "pow.admin.console.page-size=2",
					"pow.email-confirmation.enabled=false" })
	class WithoutEmailConfirmation extends Console {

		@Test
		void pageSizeThenThatManyUsersAPage() {
			createUsers("a@example.com", "b@example.com", "c@example.com");

			Browser.Page first = this.boss.get("/admin/users");

			assertThat(first.document().select("tr[data-test=user]")).hasSize(2);
			assertThat(first.document().select("a[rel=next]")).hasSize(1);
		}

		@Test
		void noEmailConfirmationThenNotTrackedAndNoLinkToSend() {
			Long id = createUsers("a@example.com");

			Browser.Page page = this.boss.get("/admin/users/" + id);
			String notSent = page.document().select("form.pow-admin-confirmation").isEmpty() ? "hidden" : "shown";
			Browser.Page answer = this.boss.post("/admin/users/" + id + "/confirmation",
					Map.of("_csrf", page.document().selectFirst("input[name=_csrf]").val()));

			assertThat(page.text("[data-test=confirmed]")).isEqualTo("Not tracked");
			assertThat(notSent).isEqualTo("hidden");
			assertThat(this.boss.follow(answer).text(".pow-flash"))
				.isEqualTo("a@example.com has nothing waiting for confirmation.");
		}

	}

	@Nested
	@PostgresTest
	@SpringBootTest(classes = AdminTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "pow.admin.initial-admins=boss@example.com", "pow.admin.console.enabled=false",
					"pow.email-confirmation.enabled=false" })
	class SwitchedOff extends Console {

		@Autowired
		private ApplicationContext context;

		@Test
		void offThenNoConsoleAndNoLink() {
			assertThat(this.boss.get("/admin/users").status()).isEqualTo(404);
			assertThat(this.boss.get("/registration/edit").document().select("nav a[href=/admin/users]")).isEmpty();
			assertThat(this.context.getBeanNamesForType(AdminUserActions.class)).isEmpty();
		}

	}

	abstract static class Console {

		@LocalServerPort
		int port;

		@Autowired
		PowUsersService users;

		@Autowired
		JdbcClient jdbc;

		Browser boss;

		@BeforeEach
		void bossSignedIn() {
			this.jdbc.sql("DELETE FROM users").update();
			createUsers("boss@example.com");
			this.boss = new Browser(this.port);
			Browser.Page answer = this.boss.submit(this.boss.get("/session/new"), "form.pow-form",
					Map.of("userId", "boss@example.com", "password", "secret1234"));
			assertThat(answer.status()).isEqualTo(302);
		}

		Long createUsers(String... emails) {
			Long last = null;
			for (String email : emails) {
				last = this.users.create(new UserParams(email, "secret1234", "secret1234")).user().getId();
			}
			return last;
		}

	}

}
