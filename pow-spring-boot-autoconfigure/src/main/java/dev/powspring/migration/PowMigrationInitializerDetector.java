package dev.powspring.migration;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link PowMigrationInitializer} initializes the database, so
 * beans that need an initialized database (the entity manager factory, JDBC templates)
 * wait for it.
 */
class PowMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	// After Flyway's own detectors (orders 0 and 1): the application's migrations run first
	// and call Pow's through PowFlywayCallback.
	private static final int ORDER = 2;

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(PowMigrationInitializer.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
