package dev.powspring.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against Pow's forms: every request gets a 4xx or a re-rendered form,
 * never a server error, and a refused request changes nothing.
 */
class AdversarialInputTests extends WebFlowTestSupport {

	@BeforeEach
	void pastEarlierLockouts() {
		this.clock.advance(Duration.ofHours(2));
	}

	@Test
	void passwordsEmptyTooLongOrHugeAreRefusedWithFieldErrors() {
		assertThat(registerWith("a@example.com", "").text("#password-error")).isEqualTo("can't be blank");
		assertThat(registerWith("b@example.com", "x".repeat(5000)).text("#password-error"))
			.isEqualTo("should be at most 4096 character(s)");
		Browser.Page huge = registerWith("c@example.com", "x".repeat(1_000_000));
		assertThat(huge.status()).isIn(200, 400, 403, 413);
		assertThat(userCount()).isZero();
		assertThat(signIn(browser(), "a@example.com", "x".repeat(1_000_000)).status()).isIn(200, 400, 403, 413);
	}

	static Stream<String> hostileValues() {
		return Stream.of("jane\u0000@example.com", "\u0000", "\uFFFD\uFFFE", "\uD800", "'; DROP TABLE users; --",
				"<script>alert(1)</script>", "\r\nSet-Cookie: x=y", "%00%0d%0a", "a".repeat(10_000));
	}

	@ParameterizedTest
	@MethodSource("hostileValues")
	void hostileValuesInEveryRegistrationFieldGetAClearAnswer(String value) {
		for (String field : new String[] { "userId", "password", "passwordConfirmation" }) {
			Map<String, String> fields = new HashMap<>(
					Map.of("userId", "jane@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));
			fields.put(field, value);
			Browser browser = browser();
			Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form", fields);
			assertThat(answer.status()).as("%s = %s", field, value.length() > 40 ? "long" : value).isIn(200, 302, 400);
			assertThat(answer.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("Exception");
			this.jdbc.sql("DELETE FROM users").update();
		}
	}

	@Test
	void metacharactersAreStoredAsTheyAreAndShownEscaped() {
		Browser browser = browser();
		register(browser, "o'brien+x@example.com", "secret1234");
		assertThat(browser.get("/registration/edit").document().select("input[name=userId]").attr("value"))
			.isEqualTo("o'brien+x@example.com");

		Browser stranger = browser();
		Browser.Page refused = stranger.submit(stranger.get("/registration/new"), "form.pow-form",
				Map.of("userId", "<script>alert(1)</script>", "password", "secret1234", "passwordConfirmation",
						"secret1234"));
		assertThat(refused.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
		assertThat(signIn(browser(), "x' OR '1'='1", "' OR '1'='1").status()).isEqualTo(200);
		assertThat(userCount()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/%0d%0aSet-Cookie:%20x=y", "/\r\nSet-Cookie: x=y", "//evil.example/%2e%2e",
			"/%5C%5Cevil.example", "http:evil.example", "\\\\evil.example" })
	void requestPathCannotInjectHeadersOrLeaveTheSite(String requestPath) {
		register(browser(), "jane@example.com", "secret1234");
		Browser browser = browser();

		Browser.Page answer = browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "request_path", requestPath));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).matches("(https?://localhost:\\d+)?/");
		assertThat(answer.setCookies()).noneMatch((cookie) -> cookie.startsWith("x="));
	}

	@Test
	void unknownAndDuplicatedFieldsChangeNothingTheyShouldNot() {
		Browser browser = browser();
		String csrf = browser.get("/registration/new").document().select("input[name=_csrf]").attr("value");

		Browser.Page answer = browser.postRaw("/registration", "_csrf=" + csrf
				+ "&userId=jane@example.com&userId=joe@example.com&password=secret1234&passwordConfirmation=secret1234"
				+ "&passwordHash=plain&id=42&insertedAt=2000-01-01&fields%5BpasswordHash%5D=x&admin=true");

		assertThat(answer.status()).isIn(200, 302, 400);
		assertThat(this.jdbc.sql("SELECT password_hash FROM users").query(String.class).list())
			.allSatisfy((hash) -> assertThat(hash).startsWith("$pbkdf2-sha512$"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE id = 42").query(Long.class).single()).isZero();
	}

	private static final int CONNECTION_CLOSED = -1;

	@Test
	void wrongContentTypeAndOversizedBodyGetAClientError() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> json = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/session"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"jane@example.com\",\"password\":\"secret1234\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		int oversized = statusOrClosed(client, HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/registration"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("userId=" + "a".repeat(3 * 1024 * 1024), StandardCharsets.UTF_8))
			.build());
		HttpResponse<String> invalidUtf8 = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/registration"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 'u', 's', 'e', 'r', 'I', 'd', '=', (byte) 0xC3,
					(byte) 0x28, (byte) 0xFF }))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(json.statusCode()).isBetween(400, 499);
		assertThat(oversized).as("a client error, or the connection closed")
			.satisfiesAnyOf((status) -> assertThat(status).isBetween(400, 499),
					(status) -> assertThat(status).isEqualTo(CONNECTION_CLOSED));
		assertThat(invalidUtf8.statusCode()).isBetween(400, 499);
		assertThat(userCount()).isZero();
	}

	// Beyond the container's swallow limit the server answers 400 and closes the connection
	// without reading the rest of the body; a client still writing may see the close first.
	private static int statusOrClosed(HttpClient client, HttpRequest request) throws InterruptedException {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
		}
		catch (IOException ex) {
			return CONNECTION_CLOSED;
		}
	}

	@Test
	void aTokenOfOnePurposeIsRefusedForAnother() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");
		String session = browser.cookie("pow_session").orElseThrow().getValue();
		String csrf = browser.get("/registration/edit").document().select("form.pow-form input[name=_csrf]").attr("value");
		String flash = browser.cookie("pow_flash").map((cookie) -> cookie.getValue()).orElse(csrf);

		Browser forger = browser();
		forger.get("/session/new");
		assertThat(forger.post("/registration", Map.of("_method", "delete", "_csrf", session)).status())
			.as("a session token as CSRF token")
			.isEqualTo(403);
		forger.setCookie("pow_session", csrf);
		assertThat(forger.get("/notes").status()).as("a CSRF token as session").isEqualTo(302);
		forger.setCookie("pow_session", flash);
		assertThat(forger.get("/notes").status()).as("a flash cookie as session").isEqualTo(302);
		forger.setCookie("pow_session", session.substring(0, session.length() / 2));
		assertThat(forger.get("/notes").status()).as("a truncated session").isEqualTo(302);
		assertThat(userCount()).isEqualTo(1);
	}

	private Browser.Page registerWith(String email, String password) {
		Browser browser = browser();
		return browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", email, "password", password, "passwordConfirmation", password));
	}

}
