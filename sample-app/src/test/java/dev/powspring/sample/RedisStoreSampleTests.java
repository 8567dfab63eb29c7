package dev.powspring.sample;

import java.util.UUID;

import dev.powspring.store.PowStore;
import dev.powspring.store.RedisPowStore;
import dev.powspring.test.mail.DevelopmentMailboxPages;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.redis.RedisTestServer;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample keeps its sessions in Redis with one property.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pow.store.type=redis")
class RedisStoreSampleTests {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> RedisTestServer.get().host());
		registry.add("spring.data.redis.port", () -> RedisTestServer.get().port());
		registry.add("pow.store.redis-key-prefix", () -> "pow-sample-" + UUID.randomUUID() + ":");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private PowStore store;

	@Test
	void registeringSignsInThroughTheRedisStore() {
		assertThat(this.store).isInstanceOf(RedisPowStore.class);

		assertThat(SampleFlows.register(new Browser(this.port), new DevelopmentMailboxPages(this.port),
				"jane@example.com")).isEqualTo("Welcome, jane@example.com.");
	}

}
