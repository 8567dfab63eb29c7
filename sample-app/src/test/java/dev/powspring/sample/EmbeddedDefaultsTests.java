package dev.powspring.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.powspring.admin.AdminUserActions;
import dev.powspring.admin.AdminUserDirectory;
import dev.powspring.admin.AdminUserPage;
import dev.powspring.admin.AdminUserQuery;
import dev.powspring.audit.PowAuditTrail;
import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on its embedded defaults, as the README starts it: H2, no set-up.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddedDefaultsTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private PowUsersService users;

	@Autowired
	private AdminUserDirectory directory;

	@Autowired
	private AdminUserActions actions;

	@Autowired
	private PowAuditTrail auditTrail;

	@Test
	void homePageServedOnH2WithPowsUsersTableMigrated() {
		assertThat(this.mvc.get().uri("/")).hasStatusOk().bodyText().contains("Pow notes");
		assertThat(this.users.create(new UserParams("jane@example.com", "secret1234", "secret1234")).succeeded())
			.isTrue();
		assertThat(this.users.getByUserId("jane@example.com")).isPresent();
	}

	@Test
	void auditTrailKeepsReadsAndPrunesOnH2() {
		Instant longAgo = Instant.now().minus(Duration.ofDays(91));
		this.auditTrail.record(new PowAuthEvent(PowAuthEventType.SIGNED_IN, 4242L, null, "default", "127.0.0.1",
				"H2Test/1.0", longAgo, Map.of(PowAuthEvent.METHOD, "password")));
		this.auditTrail.record(new PowAuthEvent(PowAuthEventType.SIGNED_OUT, 4242L, null, "default", "127.0.0.1",
				"H2Test/1.0", Instant.now(), Map.of()));

		assertThat(this.auditTrail.recent(4242L, 10)).extracting(PowAuthEvent::type)
			.containsExactly(PowAuthEventType.SIGNED_OUT, PowAuthEventType.SIGNED_IN);
		assertThat(this.auditTrail.recent(4242L, 10).get(1).detail(PowAuthEvent.METHOD)).isEqualTo("password");
		assertThat(this.auditTrail.pruneBatch()).isEqualTo(1);
		assertThat(this.auditTrail.recent(4242L, 10)).extracting(PowAuthEvent::type)
			.containsExactly(PowAuthEventType.SIGNED_OUT);
	}

	@Test
	void adminConsoleQueriesRunOnH2() {
		PowUser admin = this.users.create(new UserParams("admin@example.com", "violet-canyon-93", "violet-canyon-93"))
			.user();
		for (int n = 1; n <= 3; n++) {
			this.users.create(new UserParams("h2-user-" + n + "@example.com", "secret1234", "secret1234"));
		}
		AdminUserPage first = this.directory.find(new AdminUserQuery("H2-USER-", false, null));
		Long newestId = first.users().get(0).id();

		assertThat(admin.getRoles()).as("an initial admin").contains("admin");
		assertThat(first.users()).hasSize(3);
		assertThat(this.directory.find(new AdminUserQuery("h2-user-", false,
				new AdminUserQuery.Cursor(first.users().get(0).insertedAt(), newestId)))
			.users()).hasSize(2);
		assertThat(this.actions.lock(admin, newestId, "Testing")).isEqualTo(AdminUserActions.Outcome.DONE);
		assertThat(this.actions.revokeRole(admin, admin.getId(), "admin")).isEqualTo(AdminUserActions.Outcome.SELF);
		assertThat(this.directory.get(newestId).orElseThrow().isLocked()).isTrue();
	}

}
