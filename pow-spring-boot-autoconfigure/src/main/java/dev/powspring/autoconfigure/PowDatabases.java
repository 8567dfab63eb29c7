package dev.powspring.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * What the configuration needs to know about the application's database.
 */
final class PowDatabases {

	private PowDatabases() {
	}

	/**
	 * Tell whether a data source is PostgreSQL, by asking one of its connections.
	 * @param dataSource the data source
	 * @return whether it is PostgreSQL
	 * @throws SQLException when the database cannot be reached
	 */
	static boolean isPostgres(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
	}

}
