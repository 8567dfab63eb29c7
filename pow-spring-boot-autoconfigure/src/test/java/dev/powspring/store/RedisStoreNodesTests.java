package dev.powspring.store;

import java.util.Map;
import java.util.UUID;

import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.redis.RedisTestServer;

/**
 * Two nodes sharing the Redis store, and one node losing Redis.
 */
class RedisStoreNodesTests extends AbstractStoreNodesTests {

	private final String keyPrefix = "pow-nodes-" + UUID.randomUUID() + ":";

	String keyPrefix() {
		return this.keyPrefix;
	}

	@Override
	public Map.Entry<String, Integer> backend(TestSchema schema) {
		RedisTestServer redis = RedisTestServer.get();
		return Map.entry(redis.host(), redis.port());
	}

	@Override
	public String[] properties(TestSchema schema, String host, int port) {
		Map<String, Object> datasource = schema.datasourceProperties();
		return new String[] { "spring.datasource.url=" + datasource.get("spring.datasource.url"),
				"spring.datasource.username=" + datasource.get("spring.datasource.username"),
				"spring.datasource.password=" + datasource.get("spring.datasource.password"),
				"spring.data.redis.host=" + host, "spring.data.redis.port=" + port, "spring.data.redis.timeout=1s",
				"spring.data.redis.connect-timeout=1s", "pow.store.type=redis", "pow.store.redis-key-prefix=" + this.keyPrefix };
	}

}
