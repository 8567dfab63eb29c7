package dev.powspring.passkeys;

import java.util.UUID;

import dev.powspring.test.redis.RedisTestServer;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Passkeys with challenges in the Redis store.
 */
class PasskeysRedisStoreTests extends PasskeysTestSupport {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisTestServer redis = RedisTestServer.get();
		registry.add("spring.data.redis.host", redis::host);
		registry.add("spring.data.redis.port", redis::port);
		registry.add("pow.store.type", () -> "redis");
		registry.add("pow.store.redis-key-prefix", () -> "pow-passkeys-" + UUID.randomUUID() + ":");
	}

	@Test
	void registerThenSignInWithChallengesInRedis() {
		assertMainFlow();
	}

}
