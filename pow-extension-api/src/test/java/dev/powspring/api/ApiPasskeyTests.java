package dev.powspring.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.powspring.api.testapp.RecordedEvents;
import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.passkeys.TestAuthenticator;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkey sign-in over the API: options with a challenge, then the signed answer for a
 * token pair; the challenge works once, and bad answers get 401, never a server error.
 * The passkey is registered on the web account page, as users do.
 */
class ApiPasskeyTests extends ApiTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private RecordedEvents events;

	@Test
	void signInWithAPasskeyThenTokenPair() throws Exception {
		TestAuthenticator authenticator = registeredPasskey("jane@example.com");

		ApiClient.Answer options = this.api.post("/api/v1/passkeys/options", null);
		assertThat(options.status()).isEqualTo(200);
		assertThat(options.at("/data/rpId")).isEqualTo("localhost");
		assertThat(options.json().at("/data/allowCredentials").size()).isZero();
		String optionsJson = options.json().get("data").toString();
		String credential = authenticator.get(optionsJson);

		HttpResponse<String> signedIn = postJson("/api/v1/session/passkey", credential);
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
		String accessToken = TestAuthenticator.parse(signedIn.body()).at("/data/access_token").asString();
		assertThat(TestAuthenticator.parse(signedIn.body()).at("/data/renewal_token").asString()).isNotBlank();
		assertThat(this.api.get("/api/v1/notes", accessToken).at("/data/owner")).isEqualTo("jane@example.com");

		HttpResponse<String> again = postJson("/api/v1/session/passkey",
				authenticator.assertion(TestAuthenticator.parse(optionsJson).get("challenge").asString(), 0));
		assertThat(again.statusCode()).as("the challenge was used").isEqualTo(401);
	}

	@Test
	void signInWithAPasskeyThenOneSignInOfMethodPasskey() throws Exception {
		TestAuthenticator authenticator = registeredPasskey("jane@example.com");
		String options = this.api.post("/api/v1/passkeys/options", null).json().get("data").toString();
		this.events.clear();

		HttpResponse<String> signedIn = postJson("/api/v1/session/passkey", authenticator.get(options));

		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
		assertThat(this.events.all()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(PowAuthEventType.SIGNED_IN);
			assertThat(event.userId()).isEqualTo(this.users.getByUserId("jane@example.com").orElseThrow().getId());
			assertThat(event.details()).containsEntry(PowAuthEvent.METHOD, "passkey");
		});
	}

	@Test
	void throttledPasskeySignInThenFailedAsThrottledOncePerRefusal() throws Exception {
		this.events.clear();
		int refusals = 0;
		for (int attempt = 0; attempt < 40 && refusals < 2; attempt++) {
			refusals += (postJson("/api/v1/session/passkey", "{\"id\":\"AAAA\",\"type\":\"public-key\"}")
				.statusCode() == 429) ? 1 : 0;
		}

		assertThat(refusals).isEqualTo(2);
		assertThat(this.events.of(PowAuthEventType.SIGN_IN_FAILED))
			.filteredOn((event) -> PowAuthEvent.THROTTLED.equals(event.detail(PowAuthEvent.REASON)))
			.hasSize(2)
			.allSatisfy((event) -> assertThat(event.detail(PowAuthEvent.METHOD)).isEqualTo("passkey"));
	}

	@Test
	void badAnswersThenUnauthorized() throws Exception {
		assertThat(postJson("/api/v1/session/passkey", "garbage").statusCode()).isEqualTo(401);
		assertThat(postJson("/api/v1/session/passkey", "{\"id\":\"AAAA\",\"type\":\"public-key\"}").statusCode())
			.isEqualTo(401);
		assertThat(this.api.post("/api/v1/session/passkey", null).status()).isIn(400, 401);
	}

	private TestAuthenticator registeredPasskey(String email) {
		existingUser(email, "secret1234");
		Browser browser = new Browser(this.port);
		assertThat(browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234")).status()).isEqualTo(302);
		Browser.Page page = browser.get("/registration/passkeys");
		String csrf = page.document().selectFirst("input[name=_csrf]").attr("value");
		Browser.Page options = browser.post("/registration/passkeys/options", Map.of("_csrf", csrf));
		TestAuthenticator authenticator = new TestAuthenticator("http://localhost:" + this.port, "localhost");
		Browser.Page added = browser.submit(page, "#pow-passkey-add",
				Map.of("credential", authenticator.create(options.body()), "name", "Phone"));
		assertThat(browser.follow(added).text(".pow-flash-info")).isEqualTo("The passkey has been added.");
		return authenticator;
	}

	private HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
