package dev.powspring.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.powspring.migration.PowMigrations;
import dev.powspring.nearcache.PostgresNearCacheChannel;
import dev.powspring.nearcache.PowNearCacheChannel;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;


/**
 * The jdbc store on PostgreSQL behind near caches, invalidated by LISTEN/NOTIFY.
 */
class NearCachedJdbcPowStoreTests extends AbstractNearCachedStoreTests {

	private static TestSchema schema;

	private static DataSource dataSource;

	private static JdbcClient jdbc;

	@BeforeAll
	static void createTable() {
		schema = PostgresTestDatabase.get().createSchema("NearCachedJdbcPowStoreTests");
		Map<String, Object> properties = schema.datasourceProperties();
		// Pooled: the contract tests make many short statements, and the listening connection
		// comes from the pool as it does in an application.
		dataSource = DataSourceBuilder.create()
			.url(schema.jdbcUrl())
			.username((String) properties.get("spring.datasource.username"))
			.password((String) properties.get("spring.datasource.password"))
			.build();
		new PowMigrations(dataSource, List.of("classpath:db/pow/migration/store_jdbc"), Map.of()).migrate();
		jdbc = JdbcClient.create(dataSource);
	}

	@AfterAll
	static void dropSchema() throws Exception {
		((AutoCloseable) dataSource).close();
		schema.close();
	}

	@Override
	protected PowStore createBackend(MutableClock clock) {
		jdbc.sql("DELETE FROM pow_store").update();
		return new JdbcPowStore(jdbc, new JsonValueCodec(), clock);
	}

	@Override
	protected PowNearCacheChannel createChannel() {
		return new PostgresNearCacheChannel(dataSource, jdbc, MAX_STALENESS.dividedBy(4));
	}

}
