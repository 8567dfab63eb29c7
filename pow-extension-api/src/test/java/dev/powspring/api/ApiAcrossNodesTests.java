package dev.powspring.api;

import java.util.Map;
import java.util.UUID;

import dev.powspring.api.ApiClient.Answer;
import dev.powspring.api.ApiClient.Pair;
import dev.powspring.api.testapp.ApiTestApplication;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.redis.RedisTestServer;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes share API tokens through the JDBC and the Redis store: a pair issued by one
 * node signs in, renews and signs out on the other, and a sign-out on one is seen by both.
 */
class ApiAcrossNodesTests {

	@ParameterizedTest
	@ValueSource(strings = { "jdbc", "redis" })
	void pairIssuedByOneNodeWorksAndEndsOnTheOther(String storeType) {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("ApiAcrossNodesTests")) {
			String[] properties = properties(schema, storeType);
			try (ConfigurableApplicationContext a = start(properties);
					ConfigurableApplicationContext b = start(properties)) {
				a.getBean(PowUsersService.class).create(new UserParams("jane@example.com", "secret1234", "secret1234"));
				ApiClient onA = new ApiClient(port(a));
				ApiClient onB = new ApiClient(port(b));

				Pair fromA = onA.signIn("jane@example.com", "secret1234");

				assertThat(onB.get("/api/v1/notes", fromA.accessToken()).at("/data/owner")).isEqualTo("jane@example.com");
				Pair renewedOnB = onB.post("/api/v1/session/renew", fromA.renewalToken()).pair();
				assertThat(onA.get("/api/v1/notes", fromA.accessToken()).status()).as("the replaced pair, on A")
					.isEqualTo(401);
				assertThat(onA.get("/api/v1/notes", renewedOnB.accessToken()).status()).isEqualTo(200);

				assertThat(onA.delete("/api/v1/session", renewedOnB.accessToken()).status()).isEqualTo(200);

				assertThat(onB.get("/api/v1/notes", renewedOnB.accessToken()).status()).isEqualTo(401);
				assertThat(onB.post("/api/v1/session/renew", renewedOnB.renewalToken()).status()).isEqualTo(401);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc", "redis" })
	void lockOnOneNodeThenSessionRememberMeAndApiTokensEndOnTheOther(String storeType) {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("ApiAcrossNodesTests")) {
			String[] properties = properties(schema, storeType);
			try (ConfigurableApplicationContext a = start(properties);
					ConfigurableApplicationContext b = start(properties)) {
				PowUsersService usersOnB = b.getBean(PowUsersService.class);
				usersOnB.create(new UserParams("jane@example.com", "secret1234", "secret1234"));
				Browser browserOnA = new Browser(port(a));
				browserOnA.submit(browserOnA.get("/session/new"), "form.pow-form",
						Map.of("userId", "jane@example.com", "password", "secret1234", "persistent_session", "true"));
				String rememberMe = browserOnA.cookie("persistent_session").orElseThrow().getValue();
				ApiClient apiOnA = new ApiClient(port(a));
				Pair pair = apiOnA.signIn("jane@example.com", "secret1234");
				assertThat(browserOnA.get("/notes").status()).isEqualTo(200);

				usersOnB.lock(usersOnB.getByUserId("jane@example.com").orElseThrow(), "spam");

				assertThat(browserOnA.get("/notes").status()).as("the browser session on A").isEqualTo(302);
				Browser restoring = new Browser(port(a));
				restoring.setCookie("persistent_session", rememberMe);
				assertThat(restoring.get("/notes").status()).as("remember-me on A").isEqualTo(302);
				assertThat(apiOnA.get("/api/v1/notes", pair.accessToken()).status()).as("access token").isEqualTo(401);
				assertThat(apiOnA.post("/api/v1/session/renew", pair.renewalToken()).status()).isEqualTo(401);
				Answer refused = apiOnA.postJson("/api/v1/session",
						Map.of("email", "jane@example.com", "password", "secret1234"), null);
				assertThat(refused.status()).isEqualTo(403);
				assertThat(refused.at("/error/reason")).isEqualTo("account_locked");
				assertThat(refused.at("/error/message")).isEqualTo("Your account is locked");
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
				"pow.store.type=" + storeType, "pow.store.redis-key-prefix=pow-api-" + UUID.randomUUID() + ":",
				"pow.secret-key=nodes-share-this-secret-key-0123456789abcdef", "pow.email-confirmation.enabled=false",
				"server.port=0" };
	}

	private static ConfigurableApplicationContext start(String[] properties) {
		return new SpringApplicationBuilder(ApiTestApplication.class).properties(properties).run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
