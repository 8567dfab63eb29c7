package dev.powspring.store;

import java.util.UUID;

import dev.powspring.nearcache.PowNearCacheChannel;
import dev.powspring.nearcache.RedisNearCacheChannel;
import dev.powspring.test.redis.RedisTestServer;
import dev.powspring.test.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The redis store behind near caches, invalidated by Redis pub/sub.
 */
class NearCachedRedisPowStoreTests extends AbstractNearCachedStoreTests {

	private static final String PREFIX = "pow-near-" + UUID.randomUUID().toString().substring(0, 8) + ":";

	private static StringRedisTemplate redis;

	@BeforeAll
	static void connect() {
		redis = new StringRedisTemplate(RedisTestServer.get().connectionFactory());
	}

	@AfterAll
	static void deleteKeysLeftBehind() {
		RedisTestServer.get().deleteKeysWithPrefix(PREFIX);
	}

	@Override
	protected PowStore createBackend(MutableClock clock) {
		RedisTestServer.get().deleteKeysWithPrefix(PREFIX);
		RedisPowStore store = new RedisPowStore(redis, new JsonValueCodec(), clock);
		store.setKeyPrefix(PREFIX);
		return store;
	}

	@Override
	protected PowNearCacheChannel createChannel() {
		return new RedisNearCacheChannel(redis, PREFIX + "near-cache", MAX_STALENESS.dividedBy(4));
	}

}
