package dev.powspring.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import dev.powspring.nearcache.PowNearCacheChannel;
import dev.powspring.nearcache.RedisNearCacheChannel;
import dev.powspring.test.postgres.TestSchema;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two nodes with near caches on the Redis store, invalidated through Redis pub/sub; the
 * plain two-node tests run with the near cache on as well.
 */
class RedisNearCacheNodesTests extends RedisStoreNodesTests implements NearCacheNodesContract {

	@Override
	protected String[] properties(TestSchema schema, String host, int port) {
		return Stream.concat(Arrays.stream(super.properties(schema, host, port)),
				Stream.of("pow.store.near-cache.enabled=true", LONG_STALENESS))
			.toArray(String[]::new);
	}

	@Override
	public Map.Entry<String, Integer> backendOf(TestSchema schema) {
		return backend(schema);
	}

	@Override
	public String[] nodeProperties(TestSchema schema, String host, int port) {
		return properties(schema, host, port);
	}

	@Override
	public PowNearCacheChannel channelThrough(TestSchema schema, String host, int port) {
		LettuceConnectionFactory connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
		connections.afterPropertiesSet();
		connections.start();
		return new RedisNearCacheChannel(new StringRedisTemplate(connections), keyPrefix() + "near-cache",
				Duration.ofMillis(250));
	}

}
