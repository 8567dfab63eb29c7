package dev.powspring.migration;

import java.util.List;

/**
 * Flyway locations contributed to Pow's migrations. The core declares one bean of this
 * type and every extension that adds columns declares its own.
 *
 * @param locations Flyway locations such as {@code classpath:db/pow/migration/core}
 */
public record PowMigrationLocations(List<String> locations) {

	/**
	 * Create an instance for the given locations.
	 * @param locations Flyway locations
	 * @return the instance
	 */
	public static PowMigrationLocations of(String... locations) {
		return new PowMigrationLocations(List.of(locations));
	}

}
