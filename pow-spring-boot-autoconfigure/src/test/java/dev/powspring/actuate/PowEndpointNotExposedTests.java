package dev.powspring.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.testapp.web.WebTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator exposes only health unless told otherwise, and Pow does not change that: the
 * {@code pow} endpoint is not there.
 */
@PostgresTest
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PowEndpointNotExposedTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void notExposedThenNotFoundAndNoBean() throws Exception {
		HttpClient http = HttpClient.newHttpClient();

		assertThat(status(http, "/actuator/health")).isEqualTo(200);
		assertThat(status(http, "/actuator/pow")).isEqualTo(404);
		assertThat(status(http, "/actuator/pow/jane@example.com")).isEqualTo(404);
		assertThat(this.context.getBeanProvider(PowEndpoint.class).getIfAvailable()).isNull();
	}

	private int status(HttpClient http, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
