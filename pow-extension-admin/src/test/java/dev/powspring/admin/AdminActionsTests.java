package dev.powspring.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each console action over HTTP: what it changes, what the user notices at once, the
 * confirmation step of the destructive ones, the event it publishes, and its refusals.
 */
class AdminActionsTests extends AdminTestSupport {

	private static final String REMEMBER_ME = "persistent_session";

	@Autowired
	private AdminUserActions actions;

	@Test
	void listThenEachUserWithCreatedConfirmedLockedRolesAndSessions() {
		Browser boss = signedIn("boss@example.com");
		advance(Duration.ofMinutes(1));
		signedIn("jane@example.com");
		signIn("jane@example.com", Map.of());
		advance(Duration.ofMinutes(1));
		create("joe@example.com");

		var rows = boss.get("/admin/users").document().select("tr[data-test=user]");

		assertThat(rows).extracting((row) -> row.select("td").eachText())
			.containsExactly(List.of("joe@example.com", rows.get(0).child(1).text(), "No", "No", "user", "0"),
					List.of("jane@example.com", rows.get(1).child(1).text(), rows.get(1).child(2).text(), "No", "user",
							"2"),
					List.of("boss@example.com", rows.get(2).child(1).text(), rows.get(2).child(2).text(), "No",
							"admin, user", "1"));
		assertThat(rows.get(1).child(2).text()).as("confirmed").endsWith("UTC");
		assertThat(rows.get(0).child(1).text()).as("created").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
	}

	@Test
	void userPageWithoutAnAuditTrailThenNoActivitySection() {
		Browser boss = signedIn("boss@example.com");

		Browser.Page page = boss.get("/admin/users/" + idOf("boss@example.com"));

		assertThat(page.document().select("h2").eachText()).containsExactly("Roles");
		assertThat(page.document().select("[data-test=activity]")).isEmpty();
	}

	@Test
	void lockThenAskedFirstThenLockedWithReasonSignedOutAndTokenlessEverywhere() {
		Browser boss = signedIn("boss@example.com");
		Long janeId = createConfirmed("jane@example.com");
		Browser jane = signIn("jane@example.com", Map.of(REMEMBER_ME, "true"));
		String rememberMe = jane.cookie(REMEMBER_ME).orElseThrow().getValue();

		Browser.Page question = act(boss, janeId, "pow-admin-lock", Map.of("reason", "Spam"));
		assertThat(question.text("[data-test=question]")).startsWith("jane@example.com will not be able to sign in");
		assertThat(locked("jane@example.com")).as("nothing changes before confirming").isFalse();

		Browser.Page done = boss.submit(question, "form.pow-admin-confirm", Map.of());

		assertThat(flash(boss, done)).isEqualTo("jane@example.com has been locked.");
		assertThat(locked("jane@example.com")).isTrue();
		assertThat(boss.get("/admin/users/" + janeId).text("[data-test=locked-reason]")).isEqualTo("Spam");
		assertThat(jane.get("/notes").status()).as("the live session has ended").isEqualTo(302);
		Browser restarted = browser();
		restarted.setCookie(REMEMBER_ME, rememberMe);
		assertThat(restarted.get("/notes").status()).as("remember-me has ended").isEqualTo(302);
		assertThat(signInAnswer("jane@example.com").text(".pow-flash")).isEqualTo("Your account is locked.");
		assertThat(this.events.all()).extracting((event) -> event.getAdmin().userId(),
				(event) -> event.getUser().userId(), AdminActionEvent::getAction, AdminActionEvent::getDetail,
				AdminActionEvent::getTime)
			.containsExactly(tuple("boss@example.com", "jane@example.com", AdminAction.LOCK, "Spam",
					this.clock.instant()));
	}

	@Test
	void unlockThenSignInWorksAgain() {
		Browser boss = signedIn("boss@example.com");
		Long janeId = createConfirmed("jane@example.com");
		this.users.lock(this.users.getById(janeId).orElseThrow(), "Spam");

		Browser.Page done = act(boss, janeId, "pow-admin-unlock", Map.of());

		assertThat(flash(boss, done)).isEqualTo("jane@example.com has been unlocked.");
		assertThat(locked("jane@example.com")).isFalse();
		signIn("jane@example.com", Map.of());
		assertThat(this.events.all()).extracting(AdminActionEvent::getAction).containsExactly(AdminAction.UNLOCK);
	}

	@Test
	void grantRoleThenTheLiveSessionHasItAndABadNameChangesNothing() {
		Browser boss = signedIn("boss@example.com");
		Browser jane = signedIn("jane@example.com");
		Long janeId = idOf("jane@example.com");

		String done = flash(boss, act(boss, janeId, "pow-admin-grant", Map.of("role", "admin")));
		String refused = flash(boss, act(boss, janeId, "pow-admin-grant", Map.of("role", "Not A Role")));

		assertThat(done).isEqualTo("jane@example.com now has the role admin.");
		assertThat(jane.get("/admin/users").status()).as("the live session sees the role").isEqualTo(200);
		assertThat(refused).startsWith("A role is lower-case letters");
		assertThat(roles("jane@example.com")).isEqualTo("admin,user");
		assertThat(this.events.all()).extracting(AdminActionEvent::getAction, AdminActionEvent::getDetail)
			.containsExactly(tuple(AdminAction.GRANT_ROLE, "admin"));
	}

	@Test
	void revokeRoleThenAskedFirstThenGoneFromTheLiveSession() {
		Browser boss = signedIn("boss@example.com");
		Browser jane = signedIn("jane@example.com");
		Long janeId = idOf("jane@example.com");
		this.users.setRoles(this.users.getById(janeId).orElseThrow(), Set.of("user", "editor"));

		Browser.Page page = boss.get("/admin/users/" + janeId);
		Browser.Page question = boss.submit(page, "li:has(span:containsOwn(editor)) form.pow-admin-revoke", Map.of());
		assertThat(question.text("[data-test=question]")).isEqualTo("jane@example.com loses the role editor in every "
				+ "session at once.");
		assertThat(roles("jane@example.com")).isEqualTo("editor,user");
		Browser.Page done = boss.submit(question, "form.pow-admin-confirm", Map.of());

		assertThat(flash(boss, done)).isEqualTo("jane@example.com no longer has the role editor.");
		assertThat(roles("jane@example.com")).isEqualTo("user");
		assertThat(jane.get("/notes").body()).isEqualTo("notes of jane@example.com");
	}

	@Test
	void endSessionsThenSignedOutEverywhereRememberMeIncluded() {
		Browser boss = signedIn("boss@example.com");
		Long janeId = createConfirmed("jane@example.com");
		Browser laptop = signIn("jane@example.com", Map.of(REMEMBER_ME, "true"));
		Browser phone = signIn("jane@example.com", Map.of());
		String rememberMe = laptop.cookie(REMEMBER_ME).orElseThrow().getValue();
		assertThat(boss.get("/admin/users/" + janeId).text("[data-test=sessions]")).isEqualTo("2");

		Browser.Page done = confirmAndAct(boss, janeId, "pow-admin-end-sessions", Map.of());

		assertThat(flash(boss, done)).isEqualTo("Every session of jane@example.com has ended.");
		assertThat(laptop.get("/notes").status()).isEqualTo(302);
		assertThat(phone.get("/notes").status()).isEqualTo(302);
		Browser restarted = browser();
		restarted.setCookie(REMEMBER_ME, rememberMe);
		assertThat(restarted.get("/notes").status()).isEqualTo(302);
		assertThat(boss.get("/admin/users/" + janeId).text("[data-test=sessions]")).isEqualTo("0");
		signIn("jane@example.com", Map.of());
	}

	@Test
	void sendConfirmationLinkThenMailedToAnUnconfirmedUserOnly() {
		Browser boss = signedIn("boss@example.com");
		Long joeId = create("joe@example.com");
		Long janeId = createConfirmed("jane@example.com");
		assertThat(boss.get("/admin/users/" + janeId).document().select("form.pow-admin-confirmation")).isEmpty();

		String sent = flash(boss, act(boss, joeId, "pow-admin-confirmation", Map.of()));
		// The button is not shown; a hand-made form gets a clear answer.
		String nothing = flash(boss,
				boss.post("/admin/users/" + janeId + "/confirmation", Map.of("_csrf", csrf(boss))));

		assertThat(sent).isEqualTo("A confirmation link has been sent to joe@example.com.");
		assertThat(mailbox.awaitMail("joe@example.com", "Confirm your email address").path("/confirm-email/"))
			.startsWith("/confirm-email/");
		assertThat(nothing).isEqualTo("jane@example.com has nothing waiting for confirmation.");
		assertThat(mailbox.receivedBy("jane@example.com")).isEmpty();
		assertThat(this.events.all()).extracting(AdminActionEvent::getAction)
			.containsExactly(AdminAction.SEND_CONFIRMATION);
	}

	@Test
	void deleteThenAskedFirstThenGoneWithItsSessions() {
		Browser boss = signedIn("boss@example.com");
		Browser jane = signedIn("jane@example.com");
		Long janeId = idOf("jane@example.com");

		Browser.Page done = confirmAndAct(boss, janeId, "pow-admin-delete", Map.of());

		assertThat(done.location()).endsWith("/admin/users");
		assertThat(flash(boss, done)).isEqualTo("jane@example.com has been deleted.");
		assertThat(exists("jane@example.com")).isFalse();
		assertThat(jane.get("/notes").status()).isEqualTo(302);
		assertThat(boss.get("/admin/users/" + janeId).status()).isEqualTo(404);
		assertThat(this.events.all()).extracting((event) -> event.getUser().id(), AdminActionEvent::getAction)
			.containsExactly(tuple(janeId, AdminAction.DELETE));
	}

	@Test
	void onThemselvesThenAnAdminCannotLockDemoteOrDelete() {
		Browser boss = signedIn("boss@example.com");
		signedIn("chief@example.com");
		Long bossId = idOf("boss@example.com");
		Browser.Page page = boss.get("/admin/users/" + bossId);
		assertThat(page.document().select("form.pow-admin-lock, form.pow-admin-delete")).isEmpty();
		String csrf = page.document().selectFirst("input[name=_csrf]").val();

		String lock = flash(boss,
				boss.post("/admin/users/" + bossId + "/lock", Map.of("_csrf", csrf, "confirmed", "true")));
		String demote = flash(boss, boss.post("/admin/users/" + bossId + "/roles/admin/revoke",
				Map.of("_csrf", csrf, "confirmed", "true")));
		String delete = flash(boss,
				boss.post("/admin/users/" + bossId + "/delete", Map.of("_csrf", csrf, "confirmed", "true")));

		assertThat(List.of(lock, demote, delete)).containsOnly("You cannot do that to your own account.");
		assertThat(locked("boss@example.com")).isFalse();
		assertThat(roles("boss@example.com")).isEqualTo("admin,user");
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void twoAdminsDemotingEachOtherAtOnceThenOneAdminRemains() throws Exception {
		Browser boss = signedIn("boss@example.com");
		Browser chief = signedIn("chief@example.com");
		Browser.Page bossQuestion = act(boss, idOf("chief@example.com"), "pow-admin-revoke", Map.of());
		Browser.Page chiefQuestion = act(chief, idOf("boss@example.com"), "pow-admin-revoke", Map.of());
		CountDownLatch start = new CountDownLatch(1);

		CompletableFuture<Browser.Page> byBoss = CompletableFuture.supplyAsync(() -> {
			await(start);
			return boss.submit(bossQuestion, "form.pow-admin-confirm", Map.of());
		});
		CompletableFuture<Browser.Page> byChief = CompletableFuture.supplyAsync(() -> {
			await(start);
			return chief.submit(chiefQuestion, "form.pow-admin-confirm", Map.of());
		});
		start.countDown();

		// The loser is refused (as the last admin, or by the role guard when the winner's
		// change reached the loser's session first), and is no admin any more either way.
		List<String> answers = List.of(answer(boss, byBoss.get()), answer(chief, byChief.get()));
		assertThat(answers).filteredOn((answer) -> answer.endsWith("no longer has the role admin.")).hasSize(1);
		assertThat(answers).filteredOn("403"::equals).hasSize(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE roles LIKE '%admin%'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.events.all()).hasSize(1);
	}

	@Test
	void twoAdminsDemotingEachOtherInTheServiceAtOnceThenTheSecondIsRefusedAsTheLastAdmin() throws Exception {
		Long bossId = create("boss@example.com");
		Long chiefId = create("chief@example.com");
		var boss = this.users.getById(bossId).orElseThrow();
		var chief = this.users.getById(chiefId).orElseThrow();
		CountDownLatch start = new CountDownLatch(1);

		CompletableFuture<AdminUserActions.Outcome> byBoss = CompletableFuture.supplyAsync(() -> {
			await(start);
			return this.actions.revokeRole(boss, chiefId, "admin");
		});
		CompletableFuture<AdminUserActions.Outcome> byChief = CompletableFuture.supplyAsync(() -> {
			await(start);
			return this.actions.revokeRole(chief, bossId, "admin");
		});
		start.countDown();

		assertThat(List.of(byBoss.get(), byChief.get())).containsExactlyInAnyOrder(AdminUserActions.Outcome.DONE,
				AdminUserActions.Outcome.LAST_ADMIN);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE roles LIKE '%admin%'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void adminLockedWhileConfirmingThenTheConfirmationChangesNothing() {
		Browser boss = signedIn("boss@example.com");
		signedIn("chief@example.com");
		Long bossId = idOf("boss@example.com");
		Browser.Page question = act(boss, idOf("chief@example.com"), "pow-admin-delete", Map.of());
		this.users.lock(this.users.getById(bossId).orElseThrow(), "Compromised");

		Browser.Page answer = boss.submit(question, "form.pow-admin-confirm", Map.of());

		assertThat(answer.status()).as("the locked admin's session, and its CSRF token, have ended").isEqualTo(403);
		assertThat(exists("chief@example.com")).isTrue();
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void missingUserThenNotFoundAndNothingHappens() {
		Browser boss = signedIn("boss@example.com");
		String csrf = csrf(boss);

		Browser.Page answer = boss.post("/admin/users/424242/unlock", Map.of("_csrf", csrf));

		assertThat(answer.location()).endsWith("/admin/users");
		assertThat(flash(boss, answer)).isEqualTo("The user does not exist.");
		assertThat(boss.post("/admin/users/424242/delete", Map.of("_csrf", csrf)).status()).isEqualTo(404);
	}

	private static String answer(Browser browser, Browser.Page page) {
		Browser.Page shown = (page.status() == 302) ? browser.follow(page) : page;
		return (shown.status() == 403) ? "403" : shown.text(".pow-flash");
	}

	private Browser.Page signInAnswer(String email) {
		Browser browser = browser();
		Browser.Page answer = browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234"));
		return (answer.status() == 302) ? browser.follow(answer) : answer;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
