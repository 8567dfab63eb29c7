package dev.powspring.autoconfigure;

import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import dev.powspring.migration.PowMigrationLocations;
import dev.powspring.store.ExpiringStore;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.store.JdbcPowStore;
import dev.powspring.store.JsonValueCodec;
import dev.powspring.store.PowStore;
import dev.powspring.store.PowStoreHealthIndicator;
import dev.powspring.store.PowStoreSweeper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store, chosen by {@code pow.store.type}, its sweeper and its health indicator.
 */
@Configuration(proxyBeanMethods = false)
@Import({ PowStoreConfiguration.Memory.class, PowStoreConfiguration.Jdbc.class, PowRedisStoreConfiguration.class,
		PowStoreConfiguration.Health.class })
class PowStoreConfiguration {

	static final String TYPE_PROPERTY = "pow.store.type";

	@Bean
	@ConditionalOnBean(ExpiringStore.class)
	PowStoreSweeper powStoreSweeper(ExpiringStore store, PowProperties properties) {
		return new PowStoreSweeper(store, properties.getStore().getSweepInterval());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = TYPE_PROPERTY, havingValue = "memory", matchIfMissing = true)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean(PowStore.class)
		InMemoryPowStore powStore(Clock clock) {
			return new InMemoryPowStore(clock);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = TYPE_PROPERTY, havingValue = "jdbc")
	static class Jdbc {

		static final String MIGRATION_LOCATION = "classpath:db/pow/migration/store_jdbc";

		@Bean
		PowMigrationLocations powJdbcStoreMigrationLocations() {
			return PowMigrationLocations.of(MIGRATION_LOCATION);
		}

		@Bean
		@ConditionalOnMissingBean(PowStore.class)
		JdbcPowStore powStore(ObjectProvider<JdbcClient> jdbc, ObjectProvider<DataSource> dataSource, Clock clock,
				PowProperties properties) {
			JdbcClient client = jdbc.getIfAvailable();
			if (client == null) {
				throw new PowConfigurationException("pow.store.type=jdbc keeps sessions in the application's "
						+ "database, but no DataSource is configured.", "Set spring.datasource.* (and add the JDBC "
								+ "driver), or choose another store with pow.store.type=memory or redis.");
			}
			JdbcPowStore store = new JdbcPowStore(client, new JsonValueCodec(), clock);
			store.setSweepBatchSize(properties.getStore().getSweepBatchSize());
			store.setPostgresUpserts(isPostgres(dataSource.getIfAvailable()));
			return store;
		}

		// Unknown, as when the database does not answer yet: the portable statements work
		// on PostgreSQL too.
		private static boolean isPostgres(DataSource dataSource) {
			try {
				return dataSource != null && PowDatabases.isPostgres(dataSource);
			}
			catch (SQLException ex) {
				return false;
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	static class Health {

		@Bean
		@ConditionalOnMissingBean(name = "powStoreHealthIndicator")
		PowStoreHealthIndicator powStoreHealthIndicator(PowStore store) {
			return new PowStoreHealthIndicator(store);
		}

	}

}
