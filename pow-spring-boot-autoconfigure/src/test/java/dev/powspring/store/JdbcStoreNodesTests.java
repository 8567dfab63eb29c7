package dev.powspring.store;

import java.net.URI;
import java.util.Map;

import dev.powspring.test.postgres.TestSchema;

/**
 * Two nodes sharing the JDBC store on PostgreSQL, and one node losing its database.
 */
class JdbcStoreNodesTests extends AbstractStoreNodesTests {

	@Override
	protected Map.Entry<String, Integer> backend(TestSchema schema) {
		URI uri = URI.create(schema.jdbcUrl().substring("jdbc:".length()));
		return Map.entry(uri.getHost(), uri.getPort());
	}

	@Override
	protected String[] properties(TestSchema schema, String host, int port) {
		Map.Entry<String, Integer> real = backend(schema);
		String url = schema.jdbcUrl().replace("//" + real.getKey() + ":" + real.getValue() + "/", "//" + host + ":" + port + "/");
		Map<String, Object> datasource = schema.datasourceProperties();
		return new String[] { "spring.datasource.url=" + url,
				"spring.datasource.username=" + datasource.get("spring.datasource.username"),
				"spring.datasource.password=" + datasource.get("spring.datasource.password"),
				"spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500",
				"pow.store.type=jdbc" };
	}

}
