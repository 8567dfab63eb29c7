package dev.powspring.store;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.powspring.test.net.TcpProxy;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.redis.RedisTestServer;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes sharing the Redis store, and one node losing Redis.
 */
class RedisStoreNodesTests {

	private TestSchema schema;

	private final String keyPrefix = "pow-nodes-" + UUID.randomUUID() + ":";

	@BeforeEach
	void createSchema() {
		this.schema = PostgresTestDatabase.get().createSchema("RedisStoreNodesTests");
	}

	@AfterEach
	void dropSchema() {
		this.schema.close();
	}

	@Test
	void sessionsAreSharedByBothNodesAndSurviveARestart() {
		RedisTestServer redis = RedisTestServer.get();
		try (TwoNodes nodes = new TwoNodes(properties(redis.host(), redis.port()))) {
			Browser onA = new Browser(nodes.portA());
			register(onA);
			Browser onB = onA.at(nodes.portB());

			assertThat(onB.get("/notes").body()).as("signed in on A, known on B").isEqualTo("notes of jane@example.com");

			nodes.advance(Duration.ofMinutes(16));
			String before = onA.cookie("pow_session").orElseThrow().getValue();
			assertThat(onA.get("/notes").status()).isEqualTo(200);
			assertThat(onA.cookie("pow_session").orElseThrow().getValue()).as("rotated on A").isNotEqualTo(before);
			nodes.advance(Duration.ofMinutes(1));
			assertThat(onB.get("/notes").status()).as("the rotated token works on B").isEqualTo(200);

			nodes.restartA();
			assertThat(onA.at(nodes.portA()).get("/notes").status()).as("after A restarted").isEqualTo(200);

			onB.submit(onB.get("/registration/edit"), "header form", Map.of());
			assertThat(onB.at(nodes.portA()).get("/notes").status()).as("signed out on B, anonymous on A")
				.isEqualTo(302);
		}
	}

	@Test
	void redisUnreachableThenClear503AndServiceResumesWhenItReturns() throws Exception {
		RedisTestServer redis = RedisTestServer.get();
		try (TcpProxy proxy = TcpProxy.start(redis.host(), redis.port());
				TwoNodes nodes = new TwoNodes(properties("127.0.0.1", proxy.port()))) {
			Browser browser = new Browser(nodes.portA());
			register(browser);
			Browser stranger = new Browser(nodes.portA());
			Browser.Page form = stranger.get("/session/new");

			proxy.cut();

			Browser.Page protectedPage = browser.get("/notes");
			assertThat(protectedPage.status()).isEqualTo(503);
			assertThat(protectedPage.body()).doesNotContain("Exception").doesNotContain("at dev.powspring");
			Browser.Page signIn = stranger.submit(form, "form.pow-form",
					Map.of("userId", "jane@example.com", "password", "secret1234"));
			assertThat(signIn.status()).isEqualTo(503);
			assertThat(stranger.cookie("pow_session")).as("no half-done sign-in").isEmpty();

			proxy.restore();

			assertThat(browser.get("/notes").status()).as("resumed by itself").isEqualTo(200);
		}
	}

	private String[] properties(String redisHost, int redisPort) {
		Map<String, Object> datasource = this.schema.datasourceProperties();
		return new String[] { "spring.datasource.url=" + datasource.get("spring.datasource.url"),
				"spring.datasource.username=" + datasource.get("spring.datasource.username"),
				"spring.datasource.password=" + datasource.get("spring.datasource.password"),
				"spring.data.redis.host=" + redisHost, "spring.data.redis.port=" + redisPort,
				"spring.data.redis.timeout=1s", "spring.data.redis.connect-timeout=1s", "pow.store.type=redis",
				"pow.store.redis-key-prefix=" + this.keyPrefix };
	}

	private static void register(Browser browser) {
		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(answer.status()).isEqualTo(302);
	}

}
