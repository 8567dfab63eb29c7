package dev.powspring.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.powspring.api.ApiClient.Answer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI description names the API where it is mounted, and every operation
 * it describes exists.
 */
class ApiDescriptionTests extends ApiTestSupport {

	@Test
	@SuppressWarnings("unchecked")
	void everyDescribedOperationExists() throws Exception {
		Answer served = this.api.get("/api/v1/openapi.yaml", null);
		assertThat(served.status()).isEqualTo(200);
		Map<String, Object> description = new Yaml().load(served.body());
		assertThat(description).containsEntry("openapi", "3.1.0");
		String base = (String) ((Map<String, Object>) ((List<Object>) description.get("servers")).get(0))
			.get("url");
		assertThat(base).isEqualTo("/api/v1");

		Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) description.get("paths");
		assertThat(paths).containsOnlyKeys("/registration", "/registration/sessions", "/registration/sessions/others",
				"/registration/sessions/{id}", "/session", "/session/renew", "/reset-password",
				"/magic-link", "/passkeys/options", "/session/passkey", "/session/two-factor", "/email-confirmation");
		HttpClient http = HttpClient.newHttpClient();
		paths.forEach((path, operations) -> operations.keySet().forEach((method) -> {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + base + path.replace("{id}", "0")))
				.method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody())
				.build();
			int status = send(http, request);
			assertThat(status).as(method + " " + path).isNotIn(404, 405, 500);
		}));
	}

	private static int send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
