package dev.powspring.store;

import java.time.Duration;

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
	public String[] properties(TestSchema schema, String host, int port) {
		return NearCacheNodesContract.withNearCache(super.properties(schema, host, port));
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
