package dev.powspring.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.powspring.mail.PowMailDelivery;
import dev.powspring.test.mail.DevelopmentMailboxPages;
import dev.powspring.test.mail.TestMailbox;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's notes as an API client uses them, under Spring Security with CSRF on: the
 * exchange of Pow's API guide (register, confirm, sign in, renew, sign out), then notes
 * read and written with the access token alone.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFlowTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PowMailDelivery mailDelivery;

	private final HttpClient http = HttpClient.newHttpClient();

	private TestMailbox mailbox;

	@BeforeEach
	void start() {
		this.jdbc.sql("DELETE FROM notes").update();
		this.jdbc.sql("DELETE FROM users").update();
		this.mailbox = new DevelopmentMailboxPages(this.port);
		this.mailbox.clearOnceIdle(() -> this.mailDelivery.inFlight() == 0);
	}

	@Test
	void theGuidesExchangeThenNotesWithTheAccessToken() throws Exception {
		HttpResponse<String> registered = form("/api/v1/registration",
				"user[email]=jane@example.com&user[password]=secret1234&user[password_confirmation]=secret1234");
		assertThat(registered.statusCode()).isEqualTo(403);
		assertThat(json(registered).at("/error/reason").asString()).isEqualTo("email_unconfirmed");
		Browser browser = new Browser(this.port);
		String link = this.mailbox.awaitMail("jane@example.com", "Confirm your email address").path("/confirm-email/");
		browser.submit(browser.get(link), "form.pow-form", Map.of());

		JsonNode session = json(form("/api/v1/session", "user[email]=jane@example.com&user[password]=secret1234"));
		String access = session.at("/data/access_token").asString();
		HttpResponse<String> renewed = send(HttpRequest.newBuilder(uri("/api/v1/session/renew"))
			.header("Authorization", session.at("/data/renewal_token").asString())
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(renewed.statusCode()).isEqualTo(200);
		assertThat(send(get("/api/v1/notes", access)).statusCode()).as("the renewed pair's access token").isEqualTo(401);
		access = json(renewed).at("/data/access_token").asString();

		HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/notes"))
			.header("Authorization", "Bearer " + access)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"note\":{\"body\":\"Buy oat milk\"}}")));
		HttpResponse<String> blank = send(HttpRequest.newBuilder(uri("/api/v1/notes"))
			.header("Authorization", access)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"note\":{\"body\":\"  \"}}")));
		HttpResponse<String> listed = send(get("/api/v1/notes", access));

		assertThat(created.statusCode()).as("no CSRF token needed").isEqualTo(201);
		assertThat(created.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(blank.statusCode()).isEqualTo(422);
		assertThat(json(blank).at("/error/errors/body/0").asString()).isEqualTo("can't be blank");
		assertThat(json(listed).at("/data/0/body").asString()).isEqualTo("Buy oat milk");
		assertThat(browser.get("/notes").status()).as("the browser is not signed in by the API").isEqualTo(302);

		HttpResponse<String> signedOut = send(HttpRequest.newBuilder(uri("/api/v1/session"))
			.header("Authorization", access)
			.DELETE());
		assertThat(signedOut.body()).isEqualTo("{\"data\":{}}");
		HttpResponse<String> after = send(get("/api/v1/notes", access));
		assertThat(after.statusCode()).isEqualTo(401);
		assertThat(json(after).at("/error/message").asString()).isEqualTo("Not authenticated");
	}

	private HttpResponse<String> form(String path, String body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder get(String path, String token) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", token).GET();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

}
