package dev.powspring.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.audit.PowAuditTrail;
import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.test.web.Browser;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each console action over HTTP publishes one auth event about the user with the admin as
 * its actor, and a user's page lists their recent activity from the audit trail. The trail
 * here is a list in memory that hears every auth event: a stand-in for the application's
 * {@link PowAuditTrail} bean.
 */
@Import(AdminActivityTests.InMemoryTrailConfiguration.class)
class AdminActivityTests extends AdminTestSupport {

	private static final String FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 "
			+ "Firefox/128.0";

	private static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	@Autowired
	private InMemoryTrail trail;

	@BeforeEach
	void forgetEvents() {
		this.trail.clear();
	}

	@Test
	void everyActionThenOneEventAboutTheUserByTheAdmin() {
		Browser boss = signedInWith("boss@example.com", CHROME_ON_WINDOWS);
		Long bossId = idOf("boss@example.com");
		Long janeId = createConfirmed("jane@example.com");
		Long joeId = create("joe@example.com");
		Long jackId = createConfirmed("jack@example.com");
		this.trail.clear();

		flash(boss, confirmAndAct(boss, janeId, "pow-admin-lock", Map.of("reason", "Spam")));
		flash(boss, act(boss, janeId, "pow-admin-unlock", Map.of()));
		flash(boss, act(boss, janeId, "pow-admin-grant", Map.of("role", "editor")));
		Browser.Page revoke = boss.submit(boss.get("/admin/users/" + janeId),
				"li:has(span:containsOwn(editor)) form.pow-admin-revoke", Map.of());
		flash(boss, boss.submit(revoke, "form.pow-admin-confirm", Map.of()));
		flash(boss, confirmAndAct(boss, janeId, "pow-admin-end-sessions", Map.of()));
		flash(boss, act(boss, joeId, "pow-admin-confirmation", Map.of()));
		assertThat(confirmAndAct(boss, jackId, "pow-admin-delete", Map.of()).status()).isEqualTo(302);

		assertThat(this.trail.all())
			.extracting(PowAuthEvent::type, PowAuthEvent::userId, PowAuthEvent::actorId, PowAuthEvent::details)
			.containsExactly(tuple(PowAuthEventType.USER_LOCKED, janeId, bossId, Map.of("reason", "Spam")),
					tuple(PowAuthEventType.USER_UNLOCKED, janeId, bossId, Map.of()),
					tuple(PowAuthEventType.ROLES_CHANGED, janeId, bossId, Map.of("granted", "editor")),
					tuple(PowAuthEventType.ROLES_CHANGED, janeId, bossId, Map.of("revoked", "editor")),
					tuple(PowAuthEventType.SESSIONS_ENDED, janeId, bossId, Map.of("scope", "all")),
					tuple(PowAuthEventType.ADMIN_ACTION, joeId, bossId, Map.of("action", "send_confirmation")),
					tuple(PowAuthEventType.ACCOUNT_DELETED, jackId, bossId, Map.of()));
		assertThat(this.trail.all()).allSatisfy((event) -> {
			assertThat(event.realm()).isEqualTo("default");
			assertThat(event.clientAddress()).isEqualTo("127.0.0.1");
			assertThat(event.userAgent()).isEqualTo(CHROME_ON_WINDOWS);
			assertThat(event.occurredAt()).isEqualTo(this.clock.instant());
			assertThat(event.details().values()).noneMatch((value) -> value.contains("/confirm-email/"));
		});
		assertThat(this.events.all()).as("the internal events stay as they were").hasSize(7);
	}

	@Test
	void userPageThenRecentActivityNewestFirstWithDeviceAndAdmin() {
		Browser boss = signedInWith("boss@example.com", CHROME_ON_WINDOWS);
		Long janeId = createConfirmed("jane@example.com");
		signedInWith("jane@example.com", FIREFOX_ON_LINUX);
		Browser guesser = browser();
		Browser.Page wrong = guesser.submit(guesser.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "wrong-password"));
		assertThat(wrong.status()).isEqualTo(200);
		flash(boss, confirmAndAct(boss, janeId, "pow-admin-lock", Map.of("reason", "Spam")));

		List<Element> rows = boss.get("/admin/users/" + janeId).document().select("[data-test=activity-item]");

		List<PowAuthEvent> recorded = this.trail.recent(janeId, AdminController.RECENT_ACTIVITY);
		assertThat(rows).extracting((row) -> row.attr("data-type"))
			.containsExactlyElementsOf(recorded.stream().map((event) -> event.type().code()).toList())
			.startsWith("user_locked")
			.contains("signed_in");
		Element lock = rows.get(0);
		assertThat(lock.select("td").eachText()).containsExactly(lock.child(0).text(), "Account locked",
				"Reason: Spam by an admin", "127.0.0.1", "Chrome, Windows");
		assertThat(lock.child(0).text()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
		Element signIn = rows.stream()
			.filter((row) -> row.attr("data-type").equals("signed_in"))
			.findFirst()
			.orElseThrow();
		assertThat(signIn.select("td").eachText()).containsExactly(signIn.child(0).text(), "Signed in",
				"Method: password", "127.0.0.1", "Firefox, Linux");
	}

	@Test
	void userPageThenAtMostTheLatestTwenty() {
		Browser boss = signedInWith("boss@example.com", CHROME_ON_WINDOWS);
		Long janeId = createConfirmed("jane@example.com");
		for (int i = 0; i < 12; i++) {
			flash(boss, act(boss, janeId, "pow-admin-grant", Map.of("role", "editor")));
			Browser.Page revoke = boss.submit(boss.get("/admin/users/" + janeId),
					"li:has(span:containsOwn(editor)) form.pow-admin-revoke", Map.of());
			flash(boss, boss.submit(revoke, "form.pow-admin-confirm", Map.of()));
		}

		assertThat(boss.get("/admin/users/" + janeId).document().select("[data-test=activity-item]")).hasSize(20);
	}

	@Test
	void userWithoutEventsThenNothingRecordedYet() {
		Browser boss = signedInWith("boss@example.com", CHROME_ON_WINDOWS);
		Long joeId = create("joe@example.com");

		Browser.Page page = boss.get("/admin/users/" + joeId);

		assertThat(page.text("h2:containsOwn(Recent activity) + p")).isEqualTo("Nothing recorded yet.");
		assertThat(page.document().select("[data-test=activity]")).isEmpty();
	}

	private Browser signedInWith(String email, String userAgent) {
		if (!exists(email)) {
			createConfirmed(email);
		}
		Browser browser = browser().header("User-Agent", userAgent);
		Browser.Page answer = browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234"));
		assertThat(answer.status()).as("signing in %s: %s", email, answer.body()).isEqualTo(302);
		return browser;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class InMemoryTrailConfiguration {

		@Bean
		InMemoryTrail inMemoryTrail() {
			return new InMemoryTrail();
		}

	}

	/**
	 * Keeps every auth event in a list, in the order published.
	 */
	static class InMemoryTrail implements PowAuditTrail {

		private final List<PowAuthEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		@Override
		public void record(PowAuthEvent event) {
			this.events.add(event);
		}

		@Override
		public List<PowAuthEvent> recent(Long userId, int limit) {
			List<PowAuthEvent> newestFirst = new ArrayList<>(
					this.events.stream().filter((event) -> userId.equals(event.userId())).toList());
			Collections.reverse(newestFirst);
			return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
		}

		@Override
		public int pruneBatch() {
			return 0;
		}

		List<PowAuthEvent> all() {
			return List.copyOf(this.events);
		}

		void clear() {
			this.events.clear();
		}

	}

}
