package dev.powspring.admin;

import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reaches the console: anonymous users are sent to sign in, signed-in users without
 * the admin role are refused (a page or JSON) and change nothing, a form without the CSRF
 * token changes nothing, and a role taken away shuts a live admin session out at once.
 */
class AdminAccessTests extends AdminTestSupport {

	@Test
	void anonymousThenSentToSignInOr401ForJson() {
		Long jane = createConfirmed("jane@example.com");
		Browser anonymous = browser();

		Browser.Page page = anonymous.get("/admin/users");
		Browser.Page json = anonymous.get("/admin/users", "application/json");
		Browser.Page delete = anonymous.post("/admin/users/" + jane + "/delete", Map.of("confirmed", "true"));

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).contains("/session/new");
		assertThat(json.status()).isEqualTo(401);
		assertThat(delete.status()).isIn(302, 403);
		assertThat(exists("jane@example.com")).isTrue();
	}

	@Test
	void signedInWithoutAdminRoleThenForbiddenPageOrJsonAndNothingChanges() {
		Long joe = createConfirmed("joe@example.com");
		Browser jane = signedIn("jane@example.com");
		String csrf = csrf(jane);

		Browser.Page list = jane.get("/admin/users");
		Browser.Page json = jane.get("/admin/users", "application/json");
		Browser.Page lock = jane.post("/admin/users/" + joe + "/lock",
				Map.of("_csrf", csrf, "confirmed", "true", "reason", "mine now"));
		Browser.Page grant = jane.post("/admin/users/" + idOf("jane@example.com") + "/roles",
				Map.of("_csrf", csrf, "role", "admin"));

		assertThat(list.status()).isEqualTo(403);
		assertThat(list.body()).doesNotContain("joe@example.com");
		assertThat(json.status()).isEqualTo(403);
		assertThat(json.body()).contains("\"status\":403");
		assertThat(lock.status()).isEqualTo(403);
		assertThat(grant.status()).isEqualTo(403);
		assertThat(locked("joe@example.com")).isFalse();
		assertThat(roles("jane@example.com")).isEqualTo("user");
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void formWithoutCsrfTokenThenForbiddenAndNothingChanges() {
		Long jane = createConfirmed("jane@example.com");
		Browser boss = signedIn("boss@example.com");

		Browser.Page lock = boss.post("/admin/users/" + jane + "/lock", Map.of("confirmed", "true"));
		Browser.Page delete = boss.post("/admin/users/" + jane + "/delete",
				Map.of("confirmed", "true", "_csrf", "forged"));

		assertThat(lock.status()).isEqualTo(403);
		assertThat(delete.status()).isEqualTo(403);
		assertThat(locked("jane@example.com")).isFalse();
		assertThat(exists("jane@example.com")).isTrue();
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void adminRoleRevokedByAnotherAdminThenTheLiveConsoleSessionIsShutOut() {
		Browser boss = signedIn("boss@example.com");
		Browser chief = signedIn("chief@example.com");
		assertThat(chief.get("/admin/users").status()).isEqualTo(200);

		Browser.Page done = confirmAndAct(boss, idOf("chief@example.com"), "pow-admin-revoke", Map.of());

		assertThat(flash(boss, done)).isEqualTo("chief@example.com no longer has the role admin.");
		assertThat(chief.get("/admin/users").status()).isEqualTo(403);
	}

	@Test
	void adminThenNavigationLinksToTheConsoleAndOthersSeeNoLink() {
		Browser boss = signedIn("boss@example.com");
		Browser jane = signedIn("jane@example.com");

		assertThat(boss.get("/registration/edit").document().select("nav a[href=/admin/users]")).hasSize(1);
		assertThat(jane.get("/registration/edit").document().select("nav a[href=/admin/users]")).isEmpty();
	}

	@Test
	void badInputThen400Or404AndNever500() {
		Browser boss = signedIn("boss@example.com");

		assertThat(boss.get("/admin/users?after=not-a-cursor").status()).isEqualTo(400);
		assertThat(boss.get("/admin/users?order=sideways").status()).isEqualTo(400);
		assertThat(boss.get("/admin/users?q=" + "a".repeat(300)).status()).isEqualTo(400);
		assertThat(boss.get("/admin/users/abc").status()).isEqualTo(400);
		assertThat(boss.get("/admin/users/999999").status()).isEqualTo(404);
		assertThat(boss.get("/admin/users?q=%27%3B+DROP+TABLE+users%3B+--").status()).isEqualTo(200);
		assertThat(exists("boss@example.com")).isTrue();
	}

}
