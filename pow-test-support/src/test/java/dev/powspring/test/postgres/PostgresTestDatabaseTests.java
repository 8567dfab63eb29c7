package dev.powspring.test.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How the test database is found, and the schemas it hands out.
 */
class PostgresTestDatabaseTests {

	@Test
	void locateWhenUrlVariableSetThenItWinsOverDockerAndLocalServer() {
		Map<String, String> environment = Map.of("POW_TEST_JDBC_URL", "jdbc:postgresql://db.internal:6543/app",
				"POW_TEST_JDBC_USER", "app", "POW_TEST_JDBC_PASSWORD", "secret");

		PostgresTestDatabase database = PostgresTestDatabase.locate(environment::get, () -> true,
				"jdbc:postgresql://127.0.0.1:5432/");

		assertThat(database.origin()).isEqualTo("POW_TEST_JDBC_URL");
		assertThat(database.url()).isEqualTo("jdbc:postgresql://db.internal:6543/app");
		assertThat(database.username()).isEqualTo("app");
	}

	@Test
	void locateWhenNothingAnswersThenFailureSaysHowToProvideOne() {
		// Port 1 on loopback: nothing listens there.
		assertThatIllegalStateException()
			.isThrownBy(() -> PostgresTestDatabase.locate((name) -> null, () -> false, "jdbc:postgresql://127.0.0.1:1/"))
			.withMessageContaining("POW_TEST_JDBC_URL")
			.withMessageContaining("Docker")
			.withMessageContaining("127.0.0.1:5432");
	}

	@Test
	void createSchemaThenConnectionsUseItAndCloseDropsIt() throws Exception {
		PostgresTestDatabase database = PostgresTestDatabase.get();
		String name;
		try (TestSchema schema = database.createSchema("PostgresTestDatabaseTests")) {
			name = schema.name();
			try (Connection connection = schema.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE probe (id INT)");
				try (ResultSet result = statement.executeQuery("SELECT current_schema()")) {
					result.next();
					assertThat(result.getString(1)).isEqualTo(name);
				}
			}
		}
		assertThat(schemaExists(database, name)).isFalse();
	}

	@Test
	void createSchemaWhenCalledTwiceForOneOwnerThenSchemasDiffer() {
		PostgresTestDatabase database = PostgresTestDatabase.get();
		try (TestSchema first = database.createSchema("Same"); TestSchema second = database.createSchema("Same")) {
			assertThat(first.name()).isNotEqualTo(second.name()).startsWith("pow_t_same_");
		}
	}

	private static boolean schemaExists(PostgresTestDatabase database, String name) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + name + "'")) {
			result.next();
			return result.getInt(1) > 0;
		}
	}

}
