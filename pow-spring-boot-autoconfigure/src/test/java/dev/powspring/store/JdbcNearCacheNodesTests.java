package dev.powspring.store;

import java.time.Duration;
import java.util.Map;

import dev.powspring.nearcache.PostgresNearCacheChannel;
import dev.powspring.nearcache.PowNearCacheChannel;
import dev.powspring.test.postgres.TestSchema;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes with near caches on the JDBC store, invalidated through PostgreSQL
 * LISTEN/NOTIFY; the plain two-node tests run with the near cache on as well.
 */
class JdbcNearCacheNodesTests extends JdbcStoreNodesTests implements NearCacheNodesContract {

	@Override
	public String[] properties(TestSchema schema, String host, int port) {
		return NearCacheNodesContract.withNearCache(super.properties(schema, host, port));
	}

	@Override
	public PowNearCacheChannel channelThrough(TestSchema schema, String host, int port) {
		Map<String, Object> datasource = schema.datasourceProperties();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(jdbcUrl(schema, host, port),
				(String) datasource.get("spring.datasource.username"),
				(String) datasource.get("spring.datasource.password"));
		return new PostgresNearCacheChannel(dataSource, JdbcClient.create(dataSource), Duration.ofMillis(250));
	}

}
