package dev.powspring.migration;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pow's migrations against real databases: they run before the application's, keep their
 * own history, need no connection beyond the one they are given, and work on PostgreSQL
 * and H2.
 */
class PowMigrationsTests {

	private static final String CORE_LOCATION = "classpath:db/pow/migration/core";

	private static final String STORE_LOCATION = "classpath:db/pow/migration/store_jdbc";

	// Fail fast, rather than after Hikari's default 30 s, when the pool runs dry.
	private static final String SHORT_CONNECTION_TIMEOUT = "spring.datasource.hikari.connection-timeout=2000";

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
	void startWhenPoolIsSmallThenPowMigratesOnTheConnectionOfTheApplicationsFlyway() {
		// While its beforeMigrate callback runs, the application's Flyway holds three
		// connections (schema history, migrations, callback): Pow must make do with the third.
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests");
				ConfigurableApplicationContext context = start(CustomUserTestApplication.class,
						schema.datasourcePropertyPairs(), "spring.flyway.locations=classpath:db/testapp/custom",
						"spring.datasource.hikari.maximum-pool-size=3", SHORT_CONNECTION_TIMEOUT)) {
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
	@ExtendWith(OutputCaptureExtension.class)
	void startWhenApplicationHasNoMigrationsOfItsOwnThenItsFlywayStaysOffWithoutWarningAndPowMigrates(
			CapturedOutput output) {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests");
				ConfigurableApplicationContext context = start(BasicTestApplication.class,
						schema.datasourcePropertyPairs())) {
			assertThat(register(context, "jane@example.com").succeeded()).isTrue();
			assertThat(tableExists(context.getBean(JdbcClient.class), "flyway_schema_history")).isFalse();
			assertThat(output).doesNotContain("No migrations found");
		}
	}

	@Test
	void startWhenApplicationHasNoFlywayAndPoolHasOneConnectionThenPowMigratesOnIt() {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests");
				ConfigurableApplicationContext context = start(BasicTestApplication.class,
						schema.datasourcePropertyPairs(), "spring.flyway.enabled=false",
						"spring.datasource.hikari.maximum-pool-size=1", SHORT_CONNECTION_TIMEOUT)) {
			assertThat(register(context, "jane@example.com").succeeded()).isTrue();
		}
	}

	@Test
	void migrateWhenGivenConnectionThenItIsLeftOpenAsItWasWithNoLockHeld() throws Exception {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests");
				Connection connection = schema.connect()) {
			connection.setAutoCommit(false);
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			String searchPath = searchPath(jdbc);

			migrations(connection, CORE_LOCATION).migrate(connection);

			assertThat(connection.isClosed()).isFalse();
			assertThat(connection.getAutoCommit()).isFalse();
			assertThat(searchPath(jdbc)).isEqualTo(searchPath);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
				.query(Long.class)
				.single()).isZero();
			assertThat(tableExists(jdbc, "users")).isTrue();
		}
	}

	@Test
	void migrateWhenTwoNodesFindTheSameNewMigrationThenItRunsOnce() throws Exception {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests");
				Connection first = schema.connect();
				Connection second = schema.connect()) {
			migrations(first, CORE_LOCATION).migrate(first);
			CyclicBarrier start = new CyclicBarrier(2);
			ExecutorService nodes = Executors.newFixedThreadPool(2);
			try {
				for (Future<Object> node : nodes.invokeAll(
						List.of(migrateOnStart(start, first), migrateOnStart(start, second)), 30, TimeUnit.SECONDS)) {
					node.get();
				}
			}
			finally {
				nodes.shutdownNow();
			}

			assertThat(versions(JdbcClient.create(new SingleConnectionDataSource(first, true)),
					PowMigrations.HISTORY_TABLE)).containsExactly("1", "3", "4", "5", "2");
		}
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void migrateWhenVersionsArriveInOrderThenFlywayRunsWithoutOutOfOrderModeOrNotices(CapturedOutput output) throws Exception {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests");
				Connection connection = schema.connect()) {
			migrations(connection, CORE_LOCATION, STORE_LOCATION).migrate(connection);

			assertThat(versions(JdbcClient.create(new SingleConnectionDataSource(connection, true)),
					PowMigrations.HISTORY_TABLE)).containsExactly("1", "2", "3", "4", "5");
			assertThat(output).doesNotContain("outOfOrder").doesNotContain("already exists, skipping");
			assertThat(JdbcClient.create(new SingleConnectionDataSource(connection, true))
				.sql("SHOW client_min_messages")
				.query(String.class)
				.single()).as("the connection is left as it was").isEqualTo("notice");
		}
	}

	@Test
	void startWhenApplicationFlywayHasDefaultSchemaThenPowMigratesThere() {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowMigrationsTests");
				TestSchema flywaySchema = PostgresTestDatabase.get().createSchema("PowMigrationsTestsFlyway");
				ConfigurableApplicationContext context = start(CustomUserTestApplication.class,
						schema.datasourcePropertyPairs(), "spring.flyway.locations=classpath:db/testapp/custom",
						"spring.flyway.default-schema=" + flywaySchema.name(),
						"spring.jpa.properties.hibernate.default_schema=" + flywaySchema.name())) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);

			assertThat(tableExists(jdbc, flywaySchema.name(), PowMigrations.HISTORY_TABLE)).isTrue();
			assertThat(tableExists(jdbc, flywaySchema.name(), "users")).isTrue();
			assertThat(tableExists(jdbc, schema.name(), "users")).isFalse();
			assertThat(register(context, "jane@example.com").succeeded()).isTrue();
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

	private static PowMigrations migrations(Connection connection, String... locations) {
		return new PowMigrations(new SingleConnectionDataSource(connection, true), List.of(locations),
				Map.of(PowMigrations.USER_ID_COLUMN_PLACEHOLDER, "email"));
	}

	/**
	 * Migrate the core and the JDBC store's table on the given connection, once the other
	 * node is ready to do the same.
	 */
	private static Callable<Object> migrateOnStart(CyclicBarrier start, Connection connection) {
		return () -> {
			start.await(10, TimeUnit.SECONDS);
			migrations(connection, CORE_LOCATION, STORE_LOCATION).migrate(connection);
			return null;
		};
	}

	private static List<String> versions(JdbcClient jdbc, String historyTable) {
		return jdbc.sql("SELECT \"version\" FROM \"" + historyTable + "\" WHERE \"version\" <> '0' ORDER BY \"installed_rank\"")
			.query(String.class)
			.list();
	}

	private static boolean tableExists(JdbcClient jdbc, String schema, String table) {
		return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = ?")
			.params(table, schema)
			.query(Long.class)
			.single() > 0;
	}

	private static String searchPath(JdbcClient jdbc) {
		return jdbc.sql("SHOW search_path").query(String.class).single();
	}

	private static boolean tableExists(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = current_schema()")
			.param(table)
			.query(Long.class)
			.single() > 0;
	}

}
