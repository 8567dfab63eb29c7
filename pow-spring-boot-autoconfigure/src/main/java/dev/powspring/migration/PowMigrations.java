package dev.powspring.migration;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs the migrations shipped in Pow's jars: the core's and every enabled extension's.
 * <p>
 * They keep their own history table, so their versions never collide with the
 * application's. The modules release independently, so a version may arrive below one
 * already applied; such migrations are applied out of order rather than refused.
 */
public class PowMigrations {

	/** Name of the history table of Pow's migrations. */
	public static final String HISTORY_TABLE = "pow_schema_history";

	/** Flyway placeholder holding the name of the user id column. */
	public static final String USER_ID_COLUMN_PLACEHOLDER = "pow_user_id_column";

	private static final Log logger = LogFactory.getLog(PowMigrations.class);

	private final Flyway flyway;

	private volatile boolean migrated;

	/**
	 * Create an instance.
	 * @param dataSource the database to migrate
	 * @param locations Flyway locations of the migrations to run
	 * @param placeholders Flyway placeholders the migrations use
	 */
	public PowMigrations(DataSource dataSource, List<String> locations, Map<String, String> placeholders) {
		this.flyway = Flyway.configure(PowMigrations.class.getClassLoader())
			.dataSource(dataSource)
			.table(HISTORY_TABLE)
			.locations(locations.toArray(String[]::new))
			.placeholders(placeholders)
			// The schema may already hold the application's tables: start Pow's history there.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.outOfOrder(true)
			.load();
	}

	/**
	 * Apply pending migrations; later calls do nothing.
	 */
	public synchronized void migrate() {
		if (this.migrated) {
			return;
		}
		MigrateResult result = this.flyway.migrate();
		if (result.migrationsExecuted > 0) {
			logger.info("Applied " + result.migrationsExecuted + " Pow migration(s)");
		}
		this.migrated = true;
	}

}
