package dev.powspring.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.web.WebTestApplication;
import dev.powspring.user.PowUsersService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code pow} Actuator endpoint over HTTP, exposed as an application would expose it:
 * Pow's store and health, a user's devices, and signing a user out everywhere; on the
 * jdbc store behind a near cache, which still counts live sessions.
 */
@PostgresTest
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pow.store.type=jdbc", "pow.store.near-cache.enabled=true",
				"management.endpoints.web.exposure.include=pow" })
class PowEndpointTests {

	private static final String FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PowUsersService users;

	@BeforeEach
	void deleteUsers() {
		this.jdbc.sql("DELETE FROM users").update();
	}

	@Test
	void readThenTheStoreLiveSessionsRealmAndWeakSettings() throws Exception {
		register(new Browser(this.port), "jane@example.com");

		HttpResponse<String> pow = send("GET", "/actuator/pow");

		assertThat(pow.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(pow.body(), "$.store")).isEqualTo("jdbc with near cache");
		assertThat((Integer) JsonPath.read(pow.body(), "$.liveSessions")).isPositive();
		assertThat((String) JsonPath.read(pow.body(), "$.realm")).isEqualTo("default");
		// The tests set no secret key, nor a base URL.
		assertThat((String) JsonPath.read(pow.body(), "$.health.status")).isEqualTo("WARN");
		List<String> warnings = JsonPath.read(pow.body(), "$.health.warnings");
		assertThat(warnings).anySatisfy((warning) -> assertThat(warning).startsWith("pow.secret-key is not set"));
	}

	@Test
	void userThenTheirDevicesByUserIdOrPrimaryKey() throws Exception {
		register(new Browser(this.port).header("User-Agent", FIREFOX_ON_LINUX), "jane@example.com");
		register(new Browser(this.port), "joe@example.com");
		Long janeId = this.users.getByUserId("jane@example.com").orElseThrow().getId();

		HttpResponse<String> byUserId = send("GET", "/actuator/pow/jane@example.com");
		HttpResponse<String> byPrimaryKey = send("GET", "/actuator/pow/" + janeId);

		assertThat(byUserId.statusCode()).isEqualTo(200);
		assertThat(byPrimaryKey.body()).isEqualTo(byUserId.body());
		assertThat(((Number) JsonPath.read(byUserId.body(), "$.user")).longValue()).isEqualTo(janeId);
		List<Map<String, Object>> devices = JsonPath.read(byUserId.body(), "$.devices");
		assertThat(devices).singleElement().satisfies((device) -> {
			assertThat(device.get("id")).asString().hasSize(32);
			assertThat(device).containsEntry("kind", "web_session")
				.containsEntry("client_address", "127.0.0.1")
				.containsEntry("browser", "Firefox")
				.containsEntry("os", "Linux")
				.containsEntry("method", "registration")
				.containsKeys("signed_in_at", "last_seen_at");
		});
	}

	@Test
	void unknownUserThenNotFoundAndNothingToEnd() throws Exception {
		assertThat(send("GET", "/actuator/pow/nobody@example.com").statusCode()).isEqualTo(404);
		assertThat(send("DELETE", "/actuator/pow/nobody@example.com").statusCode()).isEqualTo(204);
	}

	@Test
	void deleteThenTheUserIsSignedOutEverywhere() throws Exception {
		Browser laptop = new Browser(this.port);
		register(laptop, "jane@example.com");
		Browser phone = new Browser(this.port);
		signIn(phone, "jane@example.com");
		Browser joe = new Browser(this.port);
		register(joe, "joe@example.com");
		assertThat(laptop.get("/notes").status()).isEqualTo(200);

		HttpResponse<String> ended = send("DELETE", "/actuator/pow/jane@example.com");

		assertThat(ended.statusCode()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(ended.body(), "$.ended")).isEqualTo(2);
		assertThat(laptop.get("/notes").status()).isEqualTo(302);
		assertThat(phone.get("/notes").status()).isEqualTo(302);
		assertThat(joe.get("/notes").status()).as("another user").isEqualTo(200);
		assertThat((List<?>) JsonPath.read(send("GET", "/actuator/pow/jane@example.com").body(), "$.devices"))
			.isEmpty();
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private void register(Browser browser, String email) {
		Browser.Page form = browser.get("/registration/new");
		Browser.Page answer = browser.submit(form, "form.pow-form",
				Map.of("userId", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(answer.status()).as("registration of %s: %s", email, answer.body()).isEqualTo(302);
	}

	private void signIn(Browser browser, String email) {
		Browser.Page form = browser.get("/session/new");
		Browser.Page answer = browser.submit(form, "form.pow-form", Map.of("userId", email, "password", "secret1234"));
		assertThat(answer.status()).isEqualTo(302);
	}

}
