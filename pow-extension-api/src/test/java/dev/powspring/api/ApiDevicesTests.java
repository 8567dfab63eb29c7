package dev.powspring.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.powspring.api.ApiClient.Answer;
import dev.powspring.api.ApiClient.Pair;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed-in user's devices over the API: listed with what each sign-in recorded, the
 * caller's own marked, and ended one at a time, all but the caller, or all.
 */
class ApiDevicesTests extends ApiTestSupport {

	private static final String SESSIONS = "/api/v1/registration/sessions";

	private static final String ANDROID_FIREFOX = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0";

	private static final String WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

	private ApiClient phone;

	private ApiClient laptop;

	@BeforeEach
	void twoClients() {
		existingUser("jane@example.com", "secret1234");
		this.phone = this.api.withHeader("User-Agent", ANDROID_FIREFOX);
		this.laptop = this.api.withHeader("User-Agent", WINDOWS_CHROME);
	}

	@Test
	void twoSignInsThenBothListedWithTheirUserAgentsAndTheCallersMarked() {
		Pair phonePair = this.phone.signIn("jane@example.com", "secret1234");
		this.laptop.signIn("jane@example.com", "secret1234");

		Answer listed = this.phone.get(SESSIONS, bearer(phonePair));

		assertThat(listed.status()).isEqualTo(200);
		List<JsonNode> devices = devices(listed);
		assertThat(devices).hasSize(2).allSatisfy((device) -> {
			assertThat(device.get("kind").asString()).isEqualTo("api_token");
			assertThat(device.get("method").asString()).isEqualTo("api");
			assertThat(device.get("client_address").asString()).isEqualTo("127.0.0.1");
			assertThat(device.get("signed_in_at").asString()).isEqualTo(this.clock.instant().toString());
			assertThat(device.get("last_seen_at").asString()).isEqualTo(this.clock.instant().toString());
			assertThat(device.get("expires_at").asString())
				.isEqualTo(this.clock.instant().plus(Duration.ofDays(30)).toString());
			assertThat(device.get("id").asString()).hasSize(32);
		});
		assertThat(devices.get(0).get("current").asBoolean()).as("the caller's first").isTrue();
		assertThat(devices.get(0).get("browser").asString()).isEqualTo("Firefox");
		assertThat(devices.get(0).get("os").asString()).isEqualTo("Android");
		assertThat(devices.get(1).get("current").asBoolean()).isFalse();
		assertThat(devices.get(1).get("browser").asString()).isEqualTo("Chrome");
		assertThat(devices.get(1).get("os").asString()).isEqualTo("Windows");
		assertThat(listed.body()).doesNotContain(phonePair.accessToken()).doesNotContain(phonePair.renewalToken());
	}

	@Test
	void renewedThenLastSeenMovesAndSignInStays() {
		Instant signedIn = this.clock.instant();
		Pair first = this.phone.signIn("jane@example.com", "secret1234");
		this.clock.advance(Duration.ofHours(1));

		Pair renewed = this.phone.post("/api/v1/session/renew", first.renewalToken()).pair();

		JsonNode device = devices(this.phone.get(SESSIONS, bearer(renewed))).get(0);
		assertThat(device.get("current").asBoolean()).isTrue();
		assertThat(device.get("signed_in_at").asString()).isEqualTo(signedIn.toString());
		assertThat(device.get("last_seen_at").asString()).isEqualTo(this.clock.instant().toString());
	}

	@Test
	void endOneByIdThenItsAccessTokenIs401AndItsRenewalTokenFails() {
		Pair phonePair = this.phone.signIn("jane@example.com", "secret1234");
		Pair laptopPair = this.laptop.signIn("jane@example.com", "secret1234");
		String laptopId = devices(this.phone.get(SESSIONS, bearer(phonePair))).get(1).get("id").asString();

		Answer ended = this.phone.delete(SESSIONS + "/" + laptopId, bearer(phonePair));

		assertThat(ended.status()).isEqualTo(204);
		assertThat(this.laptop.get("/api/v1/notes", bearer(laptopPair)).status()).isEqualTo(401);
		assertThat(this.laptop.post("/api/v1/session/renew", laptopPair.renewalToken()).status()).isEqualTo(401);
		assertThat(this.phone.get("/api/v1/notes", bearer(phonePair)).status()).isEqualTo(200);
		assertThat(devices(this.phone.get(SESSIONS, bearer(phonePair)))).hasSize(1);
	}

	@Test
	void endOthersThenEveryOtherDeviceIsSignedOutAndTheCallerStays() {
		Pair phonePair = this.phone.signIn("jane@example.com", "secret1234");
		Pair laptopPair = this.laptop.signIn("jane@example.com", "secret1234");
		Pair tabletPair = this.api.signIn("jane@example.com", "secret1234");
		Browser browser = new Browser(this.port);
		browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234"));
		assertThat(browser.get("/notes").status()).isEqualTo(200);

		Answer ended = this.phone.delete(SESSIONS + "/others", bearer(phonePair));

		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.at("/data/ended")).isEqualTo("3");
		assertThat(this.phone.get("/api/v1/notes", bearer(phonePair)).status()).isEqualTo(200);
		assertThat(this.phone.post("/api/v1/session/renew", phonePair.renewalToken()).status()).isEqualTo(200);
		assertThat(this.laptop.get("/api/v1/notes", bearer(laptopPair)).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/notes", bearer(tabletPair)).status()).isEqualTo(401);
		assertThat(browser.get("/notes").status()).as("the browser session").isEqualTo(302);
	}

	@Test
	void endAllThenTheCallerIsSignedOutToo() {
		Pair phonePair = this.phone.signIn("jane@example.com", "secret1234");
		Pair laptopPair = this.laptop.signIn("jane@example.com", "secret1234");

		Answer ended = this.phone.delete(SESSIONS, bearer(phonePair));

		assertThat(ended.status()).isEqualTo(204);
		assertThat(this.phone.get(SESSIONS, bearer(phonePair)).status()).isEqualTo(401);
		assertThat(this.phone.post("/api/v1/session/renew", phonePair.renewalToken()).status()).isEqualTo(401);
		assertThat(this.laptop.get("/api/v1/notes", bearer(laptopPair)).status()).isEqualTo(401);
		assertThat(this.phone.signIn("jane@example.com", "secret1234").accessToken()).isNotBlank();
	}

	@Test
	void unknownIdThen404AndNothingEnds() {
		Pair phonePair = this.phone.signIn("jane@example.com", "secret1234");
		existingUser("joe@example.com", "secret1234");
		Pair joePair = this.api.signIn("joe@example.com", "secret1234");
		String joesId = devices(this.api.get(SESSIONS, bearer(joePair))).get(0).get("id").asString();

		Answer unknown = this.phone.delete(SESSIONS + "/0123456789abcdef0123456789abcdef", bearer(phonePair));
		Answer othersDevice = this.phone.delete(SESSIONS + "/" + joesId, bearer(phonePair));

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.at("/error/status")).isEqualTo("404");
		assertThat(unknown.at("/error/message")).isEqualTo("Not found");
		assertThat(othersDevice.status()).as("another user's device").isEqualTo(404);
		assertThat(this.api.get("/api/v1/notes", bearer(joePair)).status()).isEqualTo(200);
	}

	@Test
	void noTokenThen401() {
		Pair phonePair = this.phone.signIn("jane@example.com", "secret1234");

		List<Answer> answers = new ArrayList<>();
		answers.add(this.api.get(SESSIONS, null));
		answers.add(this.api.delete(SESSIONS + "/others", null));
		answers.add(this.api.delete(SESSIONS, null));
		answers.add(this.api.get(SESSIONS, "Bearer " + phonePair.renewalToken()));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.at("/error/code")).isEqualTo("401");
		});
		assertThat(this.phone.get("/api/v1/notes", bearer(phonePair)).status()).isEqualTo(200);
	}

	private static List<JsonNode> devices(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		List<JsonNode> devices = new ArrayList<>();
		answer.json().get("data").forEach(devices::add);
		return devices;
	}

	private static String bearer(Pair pair) {
		return "Bearer " + pair.accessToken();
	}

}
