package dev.powspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.powspring.migration.PowFlywayCallback;
import dev.powspring.migration.PowMigrationInitializer;
import dev.powspring.migration.PowMigrationLocations;
import dev.powspring.migration.PowMigrations;
import dev.powspring.realm.PowRealm;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Pow's migrations: the core's and every extension's {@link PowMigrationLocations}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Flyway.class)
@ConditionalOnSingleCandidate(DataSource.class)
class PowMigrationConfiguration {

	static final String CORE_LOCATION = "classpath:db/pow/migration/core";

	@Bean
	PowMigrationLocations powCoreMigrationLocations() {
		return PowMigrationLocations.of(CORE_LOCATION);
	}

	@Bean
	@ConditionalOnMissingBean
	PowMigrations powMigrations(DataSource dataSource, ObjectProvider<PowMigrationLocations> locations,
			PowProperties properties, ObjectProvider<PowRealm> realm, ResourceLoader resources) {
		List<String> allLocations = new ArrayList<>(locations.orderedStream()
			.flatMap((contribution) -> contribution.locations().stream())
			.distinct()
			.toList());
		PowRealm own = realm.getIfAvailable();
		if (own != null && resources.getResource(realmLocation(own)).exists()) {
			// The application's own migrations of the realm's tables, such as columns of its
			// user entity: they run after Pow's, in the realm's schema and history.
			allLocations.add(realmLocation(own));
		}
		// A realm's data source is bound to its schema, which may not exist yet: Flyway
		// creates it, on a connection of the application's.
		DataSource migrated = (own != null && dataSource instanceof DelegatingDataSource bound)
				? bound.getTargetDataSource() : dataSource;
		PowMigrations migrations = new PowMigrations(migrated, allLocations,
				Map.of(PowMigrations.USER_ID_COLUMN_PLACEHOLDER, properties.getUserIdField().column()));
		if (own != null) {
			migrations.setSchema(own.schema());
		}
		return migrations;
	}

	static String realmLocation(PowRealm realm) {
		return "classpath:db/pow/realms/" + realm.name();
	}

	@Bean
	PowFlywayCallback powFlywayCallback(PowMigrations migrations) {
		return new PowFlywayCallback(migrations);
	}

	@Bean
	PowMigrationInitializer powMigrationInitializer(PowMigrations migrations) {
		return new PowMigrationInitializer(migrations);
	}

}
