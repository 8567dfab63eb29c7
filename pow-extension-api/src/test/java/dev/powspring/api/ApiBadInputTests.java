package dev.powspring.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies an API client should never send get a clear 4xx in the API's shape, change
 * nothing, and never a 500.
 */
class ApiBadInputTests extends ApiTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "{not json", "[1,2]", "{\"user\":\"jane\"}", "{\"user\":{\"email\":{\"a\":1}}}",
			"{\"user\":{\"email\":[\"jane@example.com\"]}}", "", "null", "{\"user\":null}",
			"{\"user\":{\"email\":\"jane@example.com\",\"password\":12345678901}}" })
	void malformedJsonThenAClientErrorAndNoUser(String body) throws Exception {
		HttpResponse<String> registered = post("/api/v1/registration", "application/json", body);
		HttpResponse<String> signedIn = post("/api/v1/session", "application/json", body);

		assertThat(registered.statusCode()).isBetween(400, 499);
		assertThat(signedIn.statusCode()).isBetween(400, 499);
		assertThat(registered.body()).startsWith("{\"error\":{");
		assertThat(signedIn.body()).startsWith("{\"error\":{");
		assertThat(this.jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "user[email]=%ZZ", "user[email][x]=jane", "user=jane", "user[password]=" })
	void oddFormsThenAClientError(String body) throws Exception {
		HttpResponse<String> answer = post("/api/v1/session", "application/x-www-form-urlencoded", body);

		assertThat(answer.statusCode()).isBetween(400, 499);
	}

	private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
