package dev.powspring.test.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A schema of its own in the test database. Connections made through {@link #jdbcUrl()}
 * use it as their current schema, so Flyway, Hibernate and plain JDBC all work inside it.
 */
public final class TestSchema implements AutoCloseable {

	/**
	 * Property holding the schema's name, so a test can name further schemas after it
	 * ({@code ${pow.test.schema}_staff}); those are dropped with this one.
	 */
	public static final String SCHEMA_PROPERTY = "pow.test.schema";

	private final PostgresTestDatabase database;

	private final String name;

	TestSchema(PostgresTestDatabase database, String name) {
		this.database = database;
		this.name = name;
	}

	/**
	 * Return the schema's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return a JDBC URL whose connections use this schema.
	 * @return the URL
	 */
	public String jdbcUrl() {
		String url = this.database.url();
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + this.name;
	}

	/**
	 * Open a connection that uses this schema.
	 * @return a new connection
	 * @throws SQLException when the connection fails
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), this.database.username(), this.database.password());
	}

	/**
	 * Return the {@code spring.datasource.*} properties that point an application at this
	 * schema.
	 * @return property names and values
	 */
	public Map<String, Object> datasourceProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", jdbcUrl());
		properties.put("spring.datasource.username", nullToEmpty(this.database.username()));
		properties.put("spring.datasource.password", nullToEmpty(this.database.password()));
		properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
		// For schemas of the test's own, named after this one: dropped with it.
		properties.put(SCHEMA_PROPERTY, this.name);
		// Many test contexts stay cached at once: an idle one keeps a single connection
		// to the server.
		properties.put("spring.datasource.hikari.minimum-idle", "1");
		properties.put("spring.datasource.hikari.idle-timeout", "10000");
		return properties;
	}

	/**
	 * Return {@link #datasourceProperties()} as {@code name=value} pairs, the form that
	 * {@code ApplicationContextRunner.withPropertyValues} takes.
	 * @return the pairs
	 */
	public String[] datasourcePropertyPairs() {
		return datasourceProperties().entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	/**
	 * Drop the schema and everything in it.
	 */
	@Override
	public void close() {
		this.database.execute("DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace "
				+ "WHERE nspname LIKE '" + this.name + "\\_%' LOOP EXECUTE 'DROP SCHEMA ' || quote_ident(s) "
				+ "|| ' CASCADE'; END LOOP; END $$");
		this.database.execute("DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
	}

}
