package dev.powspring.emailconfirmation;


import dev.powspring.emailconfirmation.existing.ExistingApplication;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SignInRefusedException;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Turning email confirmation on for a database that already has users, with an
 * application entity that maps none of its columns.
 */
class EmailConfirmationMigrationTests {

	@Test
	void enablingOnADatabaseWithUsersMigratesAndKeepsThemAbleToSignIn() throws Exception {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("EmailConfirmationMigrationTests")) {
			// The application as it was before the extension was turned on, with a user.
			String[] datasource = schema.datasourcePropertyPairs();
			try (ConfigurableApplicationContext before = start(datasource, "pow.email-confirmation.enabled=false")) {
				before.getBean(PowUsersService.class)
					.create(new UserParams("old@example.com", "secret1234", "secret1234"));
			}

			try (ConfigurableApplicationContext context = start(datasource)) {
				PowUsersService users = context.getBean(PowUsersService.class);
				PowSessionManager sessions = context.getBean(PowSessionManager.class);
				EmailConfirmations confirmations = context.getBean(EmailConfirmations.class);

				PowUser existing = users.getByUserId("old@example.com").orElseThrow();
				assertThat(existing).isInstanceOf(ExistingApplication.Account.class);
				assertThat(confirmations.isConfirmed(existing.getId())).isTrue();
				sessions.create(new MockHttpServletRequest(), new MockHttpServletResponse(), existing);

				PowUser newcomer = users.create(new UserParams("new@example.com", "secret1234", "secret1234")).user();
				assertThat(confirmations.isConfirmed(newcomer.getId())).isFalse();
				assertThatExceptionOfType(SignInRefusedException.class).isThrownBy(() -> sessions
					.create(new MockHttpServletRequest(), new MockHttpServletResponse(), newcomer));
			}
		}
	}

	private static ConfigurableApplicationContext start(String[] datasource, String... properties) {
		return new SpringApplicationBuilder(ExistingApplication.class).web(WebApplicationType.NONE)
			.properties(datasource)
			.properties(properties)
			.run();
	}

}
