package dev.powspring.twofactor;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.redis.RedisTestServer;
import dev.powspring.test.time.MutableClock;
import dev.powspring.test.web.Browser;
import dev.powspring.twofactor.testapp.TwoFactorTestApplication;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pending half-session lives in Pow's store: the sign-in with a code works on the
 * JDBC and the Redis store, and a wrong code is counted there.
 */
class TwoFactorStoresTests {

	@ParameterizedTest
	@ValueSource(strings = { "jdbc", "redis" })
	void enrolAndSignInWithCode(String storeType) {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("TwoFactorStoresTests");
				ConfigurableApplicationContext context = start(properties(schema, storeType))) {
			context.getBean(PowUsersService.class).create(new UserParams("jane@example.com", "secret1234", "secret1234"));
			MutableClock clock = context.getBean(MutableClock.class);
			Browser browser = new Browser(port(context));
			browser.submit(browser.get("/session/new"), "form.pow-form",
					Map.of("userId", "jane@example.com", "password", "secret1234"));
			Browser.Page setup = browser.submit(browser.get("/registration/two-factor"), "form.pow-two-factor-setup",
					Map.of("current_password", "secret1234"));
			byte[] secret = Totp.fromBase32(setup.text(".pow-two-factor-secret").replace(" ", ""));
			browser.submit(setup, "form.pow-two-factor-confirm",
					Map.of("code", Totp.code(secret, Totp.step(clock.instant()))));
			clock.advance(Duration.ofSeconds(30));

			Browser other = new Browser(port(context));
			Browser.Page password = other.submit(other.get("/session/new"), "form.pow-form",
					Map.of("userId", "jane@example.com", "password", "secret1234"));
			assertThat(password.location()).endsWith("/two-factor/new");
			Browser.Page wrong = other.submit(other.get("/two-factor/new"), "form.pow-form", Map.of("code", "not-it"));
			assertThat(wrong.text(".pow-flash-error")).startsWith("The code is wrong");
			Browser.Page signedIn = other.submit(other.get("/two-factor/new"), "form.pow-form",
					Map.of("code", Totp.code(secret, Totp.step(clock.instant()))));

			assertThat(signedIn.status()).isEqualTo(302);
			assertThat(other.get("/notes").body()).isEqualTo("notes of jane@example.com");
			assertThat(other.get("/two-factor/new").status()).as("the half-session is used up").isEqualTo(302);
		}
	}

	private static String[] properties(TestSchema schema, String storeType) {
		Map<String, Object> datasource = schema.datasourceProperties();
		RedisTestServer redis = RedisTestServer.get();
		return new String[] { "spring.datasource.url=" + datasource.get("spring.datasource.url"),
				"spring.datasource.username=" + datasource.get("spring.datasource.username"),
				"spring.datasource.password=" + datasource.get("spring.datasource.password"),
				"spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
				"pow.store.type=" + storeType, "pow.store.redis-key-prefix=pow-two-factor-" + UUID.randomUUID() + ":",
				"server.port=0" };
	}

	private static ConfigurableApplicationContext start(String[] properties) {
		return new SpringApplicationBuilder(TwoFactorTestApplication.class).properties(properties).run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
