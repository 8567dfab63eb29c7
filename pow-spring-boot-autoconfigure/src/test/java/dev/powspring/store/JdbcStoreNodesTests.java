package dev.powspring.store;

import java.net.URI;
import java.util.Map;

import dev.powspring.test.postgres.TestSchema;

/**
 * Two nodes sharing the JDBC store on PostgreSQL, and one node losing its database.
 */
class JdbcStoreNodesTests extends AbstractStoreNodesTests {

	@Override
	public Map.Entry<String, Integer> backend(TestSchema schema) {
		URI uri = URI.create(schema.jdbcUrl().substring("jdbc:".length()));
		return Map.entry(uri.getHost(), uri.getPort());
	}

	/**
	 * Return the schema's JDBC URL with another host and port, where a proxy may listen.
	 */
	String jdbcUrl(TestSchema schema, String host, int port) {
		Map.Entry<String, Integer> real = backend(schema);
		return schema.jdbcUrl().replace("//" + real.getKey() + ":" + real.getValue() + "/", "//" + host + ":" + port + "/");
	}

	@Override
	public String[] properties(TestSchema schema, String host, int port) {
		String url = jdbcUrl(schema, host, port);
		Map<String, Object> datasource = schema.datasourceProperties();
		return new String[] { "spring.datasource.url=" + url,
				"spring.datasource.username=" + datasource.get("spring.datasource.username"),
				"spring.datasource.password=" + datasource.get("spring.datasource.password"),
				"spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500",
				"pow.store.type=jdbc" };
	}

}
