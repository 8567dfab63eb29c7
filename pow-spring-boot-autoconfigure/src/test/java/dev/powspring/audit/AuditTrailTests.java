package dev.powspring.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.web.WebTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail over HTTP and PostgreSQL: events land in {@code pow_audit_events}, the
 * devices page shows the user's recent activity, and events past the retention are pruned
 * in bounded batches by the test clock.
 */
@PostgresTest
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pow.audit.enabled=true", "pow.audit.retention=90d", "pow.audit.prune-batch-size=2" })
class AuditTrailTests {

	static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	PowAuditTrail trail;

	@Autowired
	PowAuditPruner pruner;

	@BeforeEach
	void clean() {
		this.jdbc.sql("DELETE FROM users").update();
		this.jdbc.sql("DELETE FROM pow_audit_events").update();
	}

	@Test
	void keepsEveryEventWithWhoWhereAndHowButNoSecret() {
		Browser browser = new Browser(this.port).header("User-Agent", FIREFOX);
		register(browser);
		browser.submit(browser.get("/registration/edit"), "form.pow-form", Map.of("password", "newsecret567",
				"passwordConfirmation", "newsecret567", "currentPassword", "secret1234"));
		browser.submit(browser.get("/registration/edit"), "form[action$=/session]", Map.of());
		signIn(new Browser(this.port).header("User-Agent", FIREFOX), "wrong-password");
		Long userId = this.jdbc.sql("SELECT id FROM users").query(Long.class).single();

		List<Map<String, Object>> rows = this.jdbc
			.sql("SELECT event_type, user_id, realm, client_address, user_agent, details FROM pow_audit_events "
					+ "ORDER BY id")
			.query()
			.listOfRows();

		assertThat(rows).extracting((row) -> row.get("event_type"))
			.containsExactly("registered", "signed_in", "password_changed", "signed_out", "sign_in_failed");
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("user_id")).isEqualTo(userId);
			assertThat(row.get("realm")).isEqualTo("default");
			assertThat(row.get("client_address")).isEqualTo("127.0.0.1");
			assertThat(row.get("user_agent")).isEqualTo(FIREFOX);
			assertThat((String) row.get("details")).doesNotContain("secret1234", "newsecret567", "wrong-password");
		});
		assertThat(rows.get(1).get("details")).isEqualTo("{\"method\":\"registration\",\"multi_factor\":\"false\",\"new_device\":\"true\"}");
		assertThat(rows.get(4).get("details")).isEqualTo("{\"method\":\"password\",\"reason\":\"bad_credentials\"}");
	}

	@Test
	void theDevicesPageShowsRecentActivityNewestFirst() {
		Browser browser = new Browser(this.port).header("User-Agent", FIREFOX);
		register(browser);
		signIn(new Browser(this.port), "wrong-password");

		Browser.Page page = browser.get("/registration/sessions");

		assertThat(page.document().select(".pow-activity-list li").eachAttr("data-event"))
			.containsExactly("sign_in_failed", "signed_in", "registered");
		assertThat(page.text(".pow-activity-list li[data-event=sign_in_failed]")).contains("Sign-in failed",
				"wrong password", "From 127.0.0.1");
		assertThat(page.text(".pow-activity-list li[data-event=signed_in]")).contains("Signed in", "with a new account",
				"Firefox on Linux");
	}

	@Test
	void prunesEventsPastTheRetentionInBoundedBatches() {
		Instant start = this.clock.instant();
		for (int i = 0; i < 5; i++) {
			this.trail.record(event(start, 1L));
		}
		this.clock.advance(Duration.ofDays(60));
		this.trail.record(event(this.clock.instant(), 1L));
		this.clock.advance(Duration.ofDays(31));

		assertThat(this.trail.pruneBatch()).isEqualTo(2);
		assertThat(count()).isEqualTo(4);
		assertThat(this.pruner.prune()).isEqualTo(3);
		assertThat(count()).isEqualTo(1);
		assertThat(this.trail.recent(1L, 10)).singleElement()
			.satisfies((kept) -> assertThat(kept.occurredAt()).isEqualTo(start.plus(Duration.ofDays(60))));
		assertThat(this.pruner.prune()).isZero();
	}

	@Test
	void recentIsPerUserAndBounded() {
		Instant now = this.clock.instant();
		for (int i = 0; i < 4; i++) {
			this.trail.record(event(now.plusSeconds(i), 1L));
		}
		this.trail.record(event(now, 2L));

		assertThat(this.trail.recent(1L, 3)).hasSize(3)
			.extracting(PowAuthEvent::occurredAt)
			.containsExactly(now.plusSeconds(3), now.plusSeconds(2), now.plusSeconds(1));
		assertThat(this.trail.recent(2L, 10)).hasSize(1);
	}

	private long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM pow_audit_events").query(Long.class).single();
	}

	private static PowAuthEvent event(Instant at, Long userId) {
		return new PowAuthEvent(PowAuthEventType.SIGNED_IN, userId, null, "default", "127.0.0.1", FIREFOX, at,
				Map.of(PowAuthEvent.METHOD, "password"));
	}

	private void register(Browser browser) {
		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "ada@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
	}

	private void signIn(Browser browser, String password) {
		browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "ada@example.com", "password", password));
	}

}
