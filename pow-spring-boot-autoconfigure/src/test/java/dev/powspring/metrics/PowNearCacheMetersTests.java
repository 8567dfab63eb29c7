package dev.powspring.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import dev.powspring.nearcache.NearCachedPowStore;
import dev.powspring.nearcache.PowNearCache;
import dev.powspring.nearcache.RedisNearCacheChannel;
import dev.powspring.session.PowSessionManager;
import dev.powspring.store.JsonValueCodec;
import dev.powspring.store.RedisPowStore;
import dev.powspring.test.redis.RedisTestServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A near cache's meters on Redis: hits and misses of the linked reads, its size, and
 * whether its channel is up.
 */
class PowNearCacheMetersTests {

	private final String prefix = "pow-near-meters-" + UUID.randomUUID() + ":";

	private final StringRedisTemplate redis = new StringRedisTemplate(RedisTestServer.get().connectionFactory());

	private final PowNearCache cache = new PowNearCache(
			new RedisNearCacheChannel(this.redis, this.prefix + "near-cache", Duration.ofMillis(250)),
			Clock.systemUTC(), new PowNearCache.Settings(Duration.ofSeconds(1), 100, 1 << 20), (value) -> 64);

	@AfterEach
	void stopAndClean() {
		this.cache.stop();
		RedisTestServer.get().deleteKeysWithPrefix(this.prefix);
	}

	@Test
	void hitsMissesSizeAndChannel() {
		MeterRegistry registry = new SimpleMeterRegistry();
		new PowNearCacheMeters(registry, this.cache, "default");
		assertThat(registry.get(PowNearCacheMeters.CONNECTED).gauge().value()).isZero();
		this.cache.start();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(this.cache::usable);
		RedisPowStore backend = new RedisPowStore(this.redis, new JsonValueCodec(), Clock.systemUTC());
		backend.setKeyPrefix(this.prefix);
		NearCachedPowStore store = NearCachedPowStore.of(backend, this.cache);
		store.put(PowSessionManager.USERS, "1", "user 1", Duration.ofMinutes(1));
		store.put(PowSessionManager.SESSIONS, "session", "session", Duration.ofMinutes(1), "1");

		for (int i = 0; i < 3; i++) {
			store.getLinked(PowSessionManager.SESSIONS, "session", String.class, PowSessionManager.USERS,
					String.class);
		}

		assertThat(registry.get(PowNearCacheMeters.REQUESTS).tag("result", "hit").functionCounter().count())
			.as("the session and its user, twice").isEqualTo(4);
		assertThat(registry.get(PowNearCacheMeters.REQUESTS).tag("result", "miss").functionCounter().count())
			.as("the first read").isEqualTo(1);
		assertThat(registry.get(PowNearCacheMeters.SIZE).gauge().value()).isEqualTo(2);
		assertThat(registry.get(PowNearCacheMeters.CONNECTED).gauge().value()).isEqualTo(1);
	}

}
