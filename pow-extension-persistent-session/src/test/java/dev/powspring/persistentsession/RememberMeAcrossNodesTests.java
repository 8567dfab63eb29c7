package dev.powspring.persistentsession;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.powspring.persistentsession.testapp.PersistentSessionTestApplication;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.redis.RedisTestServer;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A remember-me cookie issued by one node restores the session on another, with the JDBC
 * and the Redis store.
 */
class RememberMeAcrossNodesTests {

	@ParameterizedTest
	@ValueSource(strings = { "jdbc", "redis" })
	void cookieIssuedByOneNodeRestoresOnTheOther(String storeType) {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("RememberMeAcrossNodesTests")) {
			String[] properties = properties(schema, storeType);
			try (ConfigurableApplicationContext a = start(properties);
					ConfigurableApplicationContext b = start(properties)) {
				a.getBean(PowUsersService.class).create(new UserParams("jane@example.com", "secret1234", "secret1234"));
				a.getBean(JdbcClient.class).sql("UPDATE users SET email_confirmed_at = now()").update();
				Browser onA = new Browser(port(a));
				onA.submit(onA.get("/session/new"), "form.pow-form",
						Map.of("userId", "jane@example.com", "password", "secret1234", "persistent_session", "true"));
				assertThat(onA.cookie("persistent_session")).isPresent();

				a.getBean(MutableClock.class).advance(Duration.ofHours(2));
				b.getBean(MutableClock.class).advance(Duration.ofHours(2));

				Browser onB = onA.at(port(b));
				assertThat(onB.get("/notes").body()).isEqualTo("notes of jane@example.com");
				assertThat(onB.at(port(a)).get("/notes").status()).as("the restored session, on A").isEqualTo(200);
			}
		}
	}

	private static String[] properties(TestSchema schema, String storeType) {
		Map<String, Object> datasource = schema.datasourceProperties();
		RedisTestServer redis = RedisTestServer.get();
		return new String[] { "spring.datasource.url=" + datasource.get("spring.datasource.url"),
				"spring.datasource.username=" + datasource.get("spring.datasource.username"),
				"spring.datasource.password=" + datasource.get("spring.datasource.password"),
				"spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
				"pow.store.type=" + storeType, "pow.store.redis-key-prefix=pow-remember-" + UUID.randomUUID() + ":",
				"pow.secret-key=nodes-share-this-secret-key-0123456789abcdef", "server.port=0" };
	}

	private static ConfigurableApplicationContext start(String[] properties) {
		return new SpringApplicationBuilder(PersistentSessionTestApplication.class).properties(properties).run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
