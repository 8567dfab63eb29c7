package dev.powspring.test.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server that integration tests run against, found once per JVM in this
 * order: {@code POW_TEST_JDBC_URL} (with {@code POW_TEST_JDBC_USER} and
 * {@code POW_TEST_JDBC_PASSWORD}), a Testcontainers PostgreSQL when a Docker engine answers,
 * a server on 127.0.0.1:5432, else a failure that says how to provide one.
 */
public final class PostgresTestDatabase {

	static final String URL_VARIABLE = "POW_TEST_JDBC_URL";

	private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/";

	private static volatile PostgresTestDatabase instance;

	private final String url;

	private final String username;

	private final String password;

	private final String origin;

	private PostgresTestDatabase(String url, String username, String password, String origin) {
		this.url = url;
		this.username = username;
		this.password = password;
		this.origin = origin;
	}

	/**
	 * Return the database for this JVM, locating it on first use.
	 * @return the database
	 * @throws IllegalStateException when no PostgreSQL can be reached
	 */
	public static PostgresTestDatabase get() {
		PostgresTestDatabase database = instance;
		if (database == null) {
			synchronized (PostgresTestDatabase.class) {
				database = instance;
				if (database == null) {
					database = locate(System::getenv, PostgresTestDatabase::dockerAvailable, LOCAL_URL);
					instance = database;
				}
			}
		}
		return database;
	}

	static PostgresTestDatabase locate(UnaryOperator<String> environment, BooleanSupplier docker, String localUrl) {
		String configuredUrl = environment.apply(URL_VARIABLE);
		if (configuredUrl != null && !configuredUrl.isBlank()) {
			return new PostgresTestDatabase(configuredUrl, environment.apply("POW_TEST_JDBC_USER"),
					environment.apply("POW_TEST_JDBC_PASSWORD"), URL_VARIABLE);
		}
		if (docker.getAsBoolean()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new PostgresTestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"Testcontainers");
		}
		for (String database : new String[] { "test", "postgres" }) {
			PostgresTestDatabase local = new PostgresTestDatabase(localUrl + database, "postgres", null, localUrl);
			if (local.answers()) {
				return local;
			}
		}
		throw new IllegalStateException("""
				Integration tests need a PostgreSQL server and found none. Provide one of:
				  - POW_TEST_JDBC_URL (with POW_TEST_JDBC_USER and POW_TEST_JDBC_PASSWORD) naming a database,
				  - a running Docker engine, so Testcontainers can start PostgreSQL,
				  - a PostgreSQL server on 127.0.0.1:5432 accepting user 'postgres' (database 'test' or 'postgres').""");
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private boolean answers() {
		try (Connection connection = connect()) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Open a connection to the database's default schema.
	 * @return a new connection
	 * @throws SQLException when the connection fails
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.username, this.password);
	}

	/**
	 * Create a new, empty schema named after {@code owner}.
	 * @param owner what the schema is for, usually the test class's simple name
	 * @return the schema, to be closed (dropped) when the test is done with it
	 */
	public TestSchema createSchema(String owner) {
		String name = schemaName(owner);
		execute("CREATE SCHEMA " + name);
		return new TestSchema(this, name);
	}

	void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + this.origin + ": " + ex.getMessage(),
					ex);
		}
	}

	private static String schemaName(String owner) {
		String readable = owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String prefix = "pow_t_" + readable;
		return prefix.substring(0, Math.min(prefix.length(), 50)) + "_" + suffix;
	}

	String url() {
		return this.url;
	}

	String username() {
		return this.username;
	}

	String password() {
		return this.password;
	}

	/**
	 * Where the database came from: the environment variable, Testcontainers or the local
	 * server.
	 * @return a short description
	 */
	public String origin() {
		return this.origin;
	}

}
