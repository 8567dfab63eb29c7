package dev.powspring.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.ClassUtils;

/**
 * Runs the migrations shipped in Pow's jars: the core's and every enabled extension's.
 * <p>
 * They keep their own history table, so their versions never collide with the
 * application's. The modules release independently, so a version may arrive below one
 * already applied; such migrations are applied out of order rather than refused.
 * <p>
 * They run on a single connection, so they need no more than one from a pool, and none
 * when the application's Flyway lends them one of its own (see {@link PowFlywayCallback}).
 */
public class PowMigrations {

	/** Name of the history table of Pow's migrations. */
	public static final String HISTORY_TABLE = "pow_schema_history";

	/** Flyway placeholder holding the name of the user id column. */
	public static final String USER_ID_COLUMN_PLACEHOLDER = "pow_user_id_column";

	/**
	 * Flyway placeholder holding the operator class that lets an index serve prefix
	 * searches ({@code LIKE 'abc%'}) whatever the column's collation: on PostgreSQL
	 * {@code varchar_pattern_ops}, elsewhere nothing.
	 */
	public static final String PREFIX_OPS_PLACEHOLDER = "pow_prefix_ops";

	private static final Log logger = LogFactory.getLog(PowMigrations.class);

	private static final boolean postgresqlPresent = ClassUtils.isPresent(
			"org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension", PowMigrations.class.getClassLoader());

	private final DataSource dataSource;

	private final List<String> locations;

	private final Map<String, String> placeholders;

	private String schema;

	private volatile boolean migrated;

	/**
	 * Create an instance.
	 * @param dataSource the database to migrate
	 * @param locations Flyway locations of the migrations to run
	 * @param placeholders Flyway placeholders the migrations use
	 */
	public PowMigrations(DataSource dataSource, List<String> locations, Map<String, String> placeholders) {
		this.dataSource = dataSource;
		this.locations = List.copyOf(locations);
		this.placeholders = Map.copyOf(placeholders);
	}

	/**
	 * Return migrations like these for another schema, such as a tenant's.
	 * @param schema the schema, created when missing
	 * @param excludedLocations locations that belong to the application's schema only
	 * @return the migrations
	 */
	public PowMigrations forSchema(String schema, Collection<String> excludedLocations) {
		PowMigrations migrations = new PowMigrations(this.dataSource,
				this.locations.stream().filter((location) -> !excludedLocations.contains(location)).toList(),
				this.placeholders);
		migrations.setSchema(schema);
		return migrations;
	}

	/**
	 * Migrate a schema of its own, created when missing, which also holds the history
	 * table: how each realm gets its users table.
	 * @param schema the schema, or {@code null} for the connection's
	 */
	public void setSchema(String schema) {
		this.schema = schema;
	}

	/**
	 * Apply pending migrations on one connection from the data source; later calls do
	 * nothing.
	 */
	public synchronized void migrate() {
		if (this.migrated) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			migrate(connection);
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Could not get a connection for Pow's migrations", ex);
		}
	}

	/**
	 * Apply pending migrations on the given connection, which is left open and in the
	 * state it was in; later calls do nothing.
	 * @param connection the connection to migrate on
	 */
	public synchronized void migrate(Connection connection) {
		if (this.migrated) {
			return;
		}
		DataSource connectionDataSource = new SingleConnectionDataSource(connection, true);
		FluentConfiguration configuration = configure(connectionDataSource, placeholders(connection));
		if (arrivesOutOfOrder(configuration.load())) {
			// A module added or upgraded later ships a version below one already applied.
			configuration.outOfOrder(true);
		}
		MigrateResult result = withoutNotices(connection, () -> configuration.load().migrate());
		if (result.migrationsExecuted > 0) {
			logger.info("Applied " + result.migrationsExecuted + " Pow migration(s)");
		}
		this.migrated = true;
	}

	// PostgreSQL reports "already exists, skipping" for IF NOT EXISTS as a notice, which
	// Flyway logs as a warning: Pow's migrations run with notices off, on their connection
	// only, which is left as it was.
	private static MigrateResult withoutNotices(Connection connection, Supplier<MigrateResult> migrate) {
		String previous = null;
		try {
			if (isPostgresql(connection)) {
				try (Statement statement = connection.createStatement();
						ResultSet result = statement.executeQuery("SHOW client_min_messages")) {
					previous = result.next() ? result.getString(1) : null;
				}
				if (previous != null) {
					setClientMinMessages(connection, "warning");
				}
			}
			return migrate.get();
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Could not prepare the connection for Pow's migrations", ex);
		}
		finally {
			if (previous != null) {
				try {
					setClientMinMessages(connection, previous);
				}
				catch (SQLException ex) {
					logger.debug("Could not restore client_min_messages", ex);
				}
			}
		}
	}

	private static void setClientMinMessages(Connection connection, String level) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('client_min_messages', ?, false)")) {
			statement.setString(1, level);
			statement.execute();
		}
	}

	private static boolean isPostgresql(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
	}

	// Whether a pending migration has a lower version than the latest applied one: Pow's
	// modules share one history, so an extension added to an existing application does.
	private static boolean arrivesOutOfOrder(Flyway flyway) {
		MigrationInfoService info = flyway.info();
		MigrationInfo current = info.current();
		if (current == null || current.getVersion() == null) {
			return false;
		}
		return Arrays.stream(info.all())
			.anyMatch((migration) -> !migration.getState().isApplied() && migration.getState().isResolved()
					&& migration.getVersion() != null && migration.getVersion().compareTo(current.getVersion()) < 0);
	}

	private Map<String, String> placeholders(Connection connection) {
		Map<String, String> all = new HashMap<>(this.placeholders);
		try {
			boolean postgresql = isPostgresql(connection);
			all.putIfAbsent(PREFIX_OPS_PLACEHOLDER, postgresql ? "varchar_pattern_ops" : "");
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Could not tell which database Pow migrates", ex);
		}
		return all;
	}

	private FluentConfiguration configure(DataSource connectionDataSource, Map<String, String> placeholders) {
		FluentConfiguration configuration = Flyway.configure(PowMigrations.class.getClassLoader())
			.dataSource(connectionDataSource)
			.table(HISTORY_TABLE)
			.locations(this.locations.toArray(String[]::new))
			.placeholders(placeholders)
			// The schema may already hold the application's tables: start Pow's history there.
			.baselineOnMigrate(true)
			.baselineVersion("0");
		if (this.schema != null) {
			configuration.schemas(this.schema).defaultSchema(this.schema);
		}
		if (postgresqlPresent) {
			PostgreSql.useSingleConnection(configuration);
		}
		return configuration;
	}

	/**
	 * Kept apart so that the PostgreSQL support of Flyway is only loaded when present.
	 */
	private static final class PostgreSql {

		/**
		 * With its default transaction-scoped lock on PostgreSQL, Flyway applies the
		 * migrations on a second connection; with a session-scoped lock it knows it has
		 * one connection, and commits and locks on it accordingly.
		 */
		static void useSingleConnection(FluentConfiguration configuration) {
			configuration.getPluginRegister()
				.getExact(PostgreSQLConfigurationExtension.class)
				.setTransactionalLock(false);
		}

	}

}
