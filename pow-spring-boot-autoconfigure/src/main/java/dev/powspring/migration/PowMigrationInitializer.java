package dev.powspring.migration;

import org.springframework.beans.factory.InitializingBean;

/**
 * Makes sure Pow's migrations have run before anything uses the database. Spring Boot
 * orders it after the application's Flyway (whose callback normally ran them already) and
 * before JPA and JDBC beans; without an application Flyway it runs them itself.
 */
public class PowMigrationInitializer implements InitializingBean {

	private final PowMigrations migrations;

	public PowMigrationInitializer(PowMigrations migrations) {
		this.migrations = migrations;
	}

	@Override
	public void afterPropertiesSet() {
		this.migrations.migrate();
	}

}
