package dev.powspring.sample;

import dev.powspring.admin.AdminUserActions;
import dev.powspring.admin.AdminUserDirectory;
import dev.powspring.admin.AdminUserPage;
import dev.powspring.admin.AdminUserQuery;
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

	@Test
	void homePageServedOnH2WithPowsUsersTableMigrated() {
		assertThat(this.mvc.get().uri("/")).hasStatusOk().bodyText().contains("Pow notes");
		assertThat(this.users.create(new UserParams("jane@example.com", "secret1234", "secret1234")).succeeded())
			.isTrue();
		assertThat(this.users.getByUserId("jane@example.com")).isPresent();
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
