package dev.powspring.migration;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Runs Pow's migrations just before the application's Flyway applies its own, so an
 * application migration may alter Pow's tables. Running them from this callback, rather
 * than before the application's Flyway starts, also keeps that Flyway from finding a
 * non-empty schema without its history table on a first start.
 * <p>
 * They run on the connection that Flyway hands to the callback: that Flyway already holds
 * its other connections, so with a small pool any further one might never come. They
 * therefore apply to the schema that the application's Flyway migrates.
 */
public class PowFlywayCallback implements Callback {

	private final PowMigrations migrations;

	public PowFlywayCallback(PowMigrations migrations) {
		this.migrations = migrations;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		// Pow's Flyway commits each of its migrations itself.
		return false;
	}

	@Override
	public void handle(Event event, Context context) {
		this.migrations.migrate(context.getConnection());
	}

	@Override
	public String getCallbackName() {
		return "pow";
	}

}
