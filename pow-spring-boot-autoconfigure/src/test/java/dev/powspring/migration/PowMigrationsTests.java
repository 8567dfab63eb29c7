package dev.powspring.migration;

import java.util.List;

import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.testapp.basic.BasicTestApplication;
import dev.powspring.testapp.custom.CustomUserTestApplication;
import dev.powspring.testapp.custom.Member;
import dev.powspring.testapp.username.UsernameTestApplication;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import dev.powspring.user.UserResult;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pow's migrations against real databases: they run before the application's, keep their
 * own history, and work on PostgreSQL and H2.
 */
class PowMigrationsTests {

	@Test
	void startWhenApplicationMigrationAltersUsersThenItRunsAfterPowsAndVersionsDoNotCollide() {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests");
				ConfigurableApplicationContext context = start(CustomUserTestApplication.class,
						schema.datasourcePropertyPairs(), "spring.flyway.locations=classpath:db/testapp/custom")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);

			assertThat(versions(jdbc, PowMigrations.HISTORY_TABLE)).contains("1");
			assertThat(versions(jdbc, "flyway_schema_history")).containsExactly("1");
			assertThat(registerMember(context, "jane@example.com").getDisplayName()).isEqualTo("Jane");
		}
	}

	@Test
	void startWhenRestartedThenNothingIsMigratedTwiceAndDataKept() {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests")) {
			String[] properties = schema.datasourcePropertyPairs();
			try (ConfigurableApplicationContext first = start(CustomUserTestApplication.class, properties,
					"spring.flyway.locations=classpath:db/testapp/custom")) {
				registerMember(first, "jane@example.com");
			}
			try (ConfigurableApplicationContext second = start(CustomUserTestApplication.class, properties,
					"spring.flyway.locations=classpath:db/testapp/custom")) {
				assertThat(second.getBean(PowUsersService.class).getByUserId("jane@example.com")).isPresent();
				assertThat(versions(second.getBean(JdbcClient.class), PowMigrations.HISTORY_TABLE))
					.doesNotHaveDuplicates();
			}
		}
	}

	@Test
	void startWhenApplicationHasNoFlywayThenPowMigratesOnItsOwn() {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests");
				ConfigurableApplicationContext context = start(BasicTestApplication.class,
						schema.datasourcePropertyPairs(), "spring.flyway.enabled=false")) {
			assertThat(register(context, "jane@example.com").succeeded()).isTrue();
			assertThat(tableExists(context.getBean(JdbcClient.class), "flyway_schema_history")).isFalse();
		}
	}

	@Test
	void startWhenSchemaAlreadyHoldsApplicationTablesThenPowAddsItsOwn() throws Exception {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests")) {
			try (var connection = schema.connect(); var statement = connection.createStatement()) {
				statement.execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY)");
			}
			try (ConfigurableApplicationContext context = start(BasicTestApplication.class,
					schema.datasourcePropertyPairs(), "spring.flyway.enabled=false")) {
				assertThat(register(context, "jane@example.com").succeeded()).isTrue();
			}
		}
	}

	@Test
	void startWhenUserIdFieldIsUsernameThenUsernameColumnAndDefaultEntityMapIt() {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests");
				ConfigurableApplicationContext context = start(UsernameTestApplication.class,
						schema.datasourcePropertyPairs(), "pow.user-id-field=username")) {
			UserResult result = register(context, " Jane_Doe ");

			assertThat(result.succeeded()).as("%s", result.errors()).isTrue();
			assertThat(context.getBean(JdbcClient.class)
				.sql("SELECT username FROM users")
				.query(String.class)
				.single()).isEqualTo("jane_doe");
			assertThat(context.getBean(PowUsersService.class).authenticate("JANE_DOE", "secret1234")).isPresent();
		}
	}

	@Test
	void startWhenDatabaseIsH2ThenPowAndApplicationMigrationsRun() {
		try (ConfigurableApplicationContext context = start(CustomUserTestApplication.class,
				new String[] { "spring.datasource.url=jdbc:h2:mem:pow-migrations-" + System.nanoTime(),
						"spring.datasource.username=sa", "spring.datasource.password=" },
				"spring.flyway.locations=classpath:db/testapp/custom")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);

			assertThat(versions(jdbc, PowMigrations.HISTORY_TABLE)).contains("1");
			assertThat(registerMember(context, "jane@example.com").getDisplayName()).isEqualTo("Jane");
			assertThat(register(context, "JANE@example.com").succeeded()).isFalse();
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application, String[] datasource,
			String... properties) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties(datasource)
			.properties(properties)
			.run();
	}

	private static UserResult register(ConfigurableApplicationContext context, String userId) {
		return context.getBean(PowUsersService.class).create(new UserParams(userId, "secret1234", "secret1234"));
	}

	/**
	 * Register through Pow, set the application's own column, and read the user back
	 * through Pow as the application's entity.
	 */
	private static Member registerMember(ConfigurableApplicationContext context, String email) {
		UserResult result = register(context, email);
		assertThat(result.user()).isInstanceOf(Member.class);
		context.getBean(JdbcClient.class)
			.sql("UPDATE users SET display_name = 'Jane' WHERE id = ?")
			.param(result.user().getId())
			.update();
		return (Member) context.getBean(PowUsersService.class).getById(result.user().getId()).orElseThrow();
	}

	private static List<String> versions(JdbcClient jdbc, String historyTable) {
		return jdbc.sql("SELECT \"version\" FROM \"" + historyTable + "\" WHERE \"version\" <> '0' ORDER BY \"installed_rank\"")
			.query(String.class)
			.list();
	}

	private static boolean tableExists(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = current_schema()")
			.param(table)
			.query(Long.class)
			.single() > 0;
	}

}
