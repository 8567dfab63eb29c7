package dev.powspring.magiclink;

import java.util.UUID;

import dev.powspring.store.PowStore;
import dev.powspring.store.RedisPowStore;
import dev.powspring.test.redis.RedisTestServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Magic links kept in the Redis store: the flow works, once, and not past the link's TTL.
 */
@TestPropertySource(properties = "pow.store.type=redis")
class MagicLinkRedisStoreTests extends MagicLinkTestSupport {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> RedisTestServer.get().host());
		registry.add("spring.data.redis.port", () -> RedisTestServer.get().port());
		registry.add("pow.store.redis-key-prefix", () -> "pow-magic-link-" + UUID.randomUUID() + ":");
	}

	@Autowired
	private PowStore store;

	@Test
	void linkSignsInOnceThroughTheRedisStore() {
		assertThat(this.store).isInstanceOf(RedisPowStore.class);
		MagicLinkStoreFlow.signsInOnce(this);
	}

	@Test
	void linkWhenExpiredThenInvalidThoughRedisStillHoldsIt() {
		MagicLinkStoreFlow.expires(this);
	}

}
