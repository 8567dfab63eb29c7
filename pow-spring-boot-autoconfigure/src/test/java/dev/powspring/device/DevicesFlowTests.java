package dev.powspring.device;

import java.util.List;
import java.util.Map;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.web.WebTestApplication;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devices page over HTTP: a user signed in on several browsers sees each, with its
 * browser and system, and ends one, all others or all, each by a CSRF-protected post.
 */
@PostgresTest
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevicesFlowTests {

	static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	static final String CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	static final String SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/18.1 Safari/605.1.15";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void deleteUsers() {
		this.jdbc.sql("DELETE FROM users").update();
	}

	@Test
	void listsEveryDeviceWithItsBrowserAndMarksThisOne() {
		Browser firefox = registered("ada@example.com", FIREFOX_LINUX);
		signedIn("ada@example.com", CHROME_WINDOWS);

		Browser.Page page = firefox.get("/registration/sessions");

		assertThat(page.status()).isEqualTo(200);
		List<Element> devices = page.document().select("li.pow-device");
		assertThat(devices).hasSize(2);
		assertThat(devices).extracting((device) -> device.selectFirst(".pow-device-name").text())
			.containsExactly("Firefox on Linux", "Chrome on Windows");
		assertThat(devices.get(0).hasClass("pow-device-current")).isTrue();
		assertThat(devices.get(0).text()).contains("This device", "Browser session", "with a new account",
				"From 127.0.0.1");
		assertThat(devices.get(1).text()).contains("with a password");
		assertThat(devices.get(1).hasClass("pow-device-current")).isFalse();
		assertThat(devices.get(1).text()).doesNotContain("This device");
	}

	@Test
	void endingTheOtherDeviceSignsItOutAtItsNextRequest() {
		Browser firefox = registered("ada@example.com", FIREFOX_LINUX);
		Browser chrome = signedIn("ada@example.com", CHROME_WINDOWS);
		Browser.Page page = firefox.get("/registration/sessions");
		String otherId = page.document().select("li.pow-device:not(.pow-device-current)").attr("data-device-id");

		Browser.Page ended = firefox.submit(page, "li[data-device-id=" + otherId + "] form", Map.of());

		assertThat(ended.status()).isEqualTo(302);
		assertThat(ended.location()).endsWith("/registration/sessions");
		assertThat(firefox.follow(ended).text(".pow-flash-info")).isEqualTo("The device has been signed out.");
		assertThat(chrome.get("/registration/edit").location()).contains("/session/new");
		assertThat(firefox.get("/registration/edit").status()).isEqualTo(200);
		assertThat(firefox.get("/registration/sessions").document().select("li.pow-device")).hasSize(1);
	}

	@Test
	void endingAllOtherDevicesKeepsOnlyThisOne() {
		Browser firefox = registered("ada@example.com", FIREFOX_LINUX);
		Browser chrome = signedIn("ada@example.com", CHROME_WINDOWS);
		Browser safari = signedIn("ada@example.com", SAFARI_MAC);

		Browser.Page ended = firefox.submit(firefox.get("/registration/sessions"),
				"form[action$=/registration/sessions/others]", Map.of());

		assertThat(firefox.follow(ended).text(".pow-flash-info")).isEqualTo("2 other devices have been signed out.");
		assertThat(chrome.get("/registration/edit").location()).contains("/session/new");
		assertThat(safari.get("/registration/edit").location()).contains("/session/new");
		assertThat(firefox.get("/registration/edit").status()).isEqualTo(200);
	}

	@Test
	void endingEverythingSignsThisDeviceOutToo() {
		Browser firefox = registered("ada@example.com", FIREFOX_LINUX);
		Browser chrome = signedIn("ada@example.com", CHROME_WINDOWS);

		Browser.Page ended = firefox.submit(firefox.get("/registration/sessions"),
				"form[action$=/registration/sessions]:has(input[value=delete])", Map.of());

		assertThat(ended.status()).isEqualTo(302);
		assertThat(firefox.get("/registration/edit").location()).contains("/session/new");
		assertThat(chrome.get("/registration/edit").location()).contains("/session/new");
	}

	@Test
	void endingThisDeviceSignsItOut() {
		Browser firefox = registered("ada@example.com", FIREFOX_LINUX);
		Browser.Page page = firefox.get("/registration/sessions");

		firefox.submit(page, "li.pow-device-current form", Map.of());

		assertThat(firefox.get("/registration/edit").location()).contains("/session/new");
	}

	@Test
	void aPostWithoutTheCsrfTokenEndsNothing() {
		Browser firefox = registered("ada@example.com", FIREFOX_LINUX);
		Browser chrome = signedIn("ada@example.com", CHROME_WINDOWS);

		Browser.Page refused = firefox.post("/registration/sessions/others", Map.of("_method", "delete"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(chrome.get("/registration/edit").status()).isEqualTo(200);
	}

	@Test
	void anotherUsersDeviceCannotBeEnded() {
		Browser ada = registered("ada@example.com", FIREFOX_LINUX);
		Browser grace = registered("grace@example.com", CHROME_WINDOWS);
		String gracesId = grace.get("/registration/sessions").document().select("li.pow-device").attr("data-device-id");
		Browser.Page page = ada.get("/registration/sessions");
		String token = page.document().selectFirst("input[name=_csrf]").attr("value");

		Browser.Page refused = ada.post("/registration/sessions/" + gracesId, Map.of("_method", "delete", "_csrf", token));

		assertThat(refused.status()).isEqualTo(404);
		assertThat(grace.get("/registration/edit").status()).isEqualTo(200);
	}

	@Test
	void theAccountPageLinksToTheDevicesPageWhichNeedsASignIn() {
		Browser firefox = registered("ada@example.com", FIREFOX_LINUX);

		assertThat(firefox.get("/registration/edit").document().select("a.pow-devices-link").attr("href"))
			.isEqualTo("/registration/sessions");
		assertThat(new Browser(this.port).get("/registration/sessions").location()).contains("/session/new");
	}

	private Browser registered(String email, String userAgent) {
		Browser browser = new Browser(this.port).header("User-Agent", userAgent);
		Browser.Page form = browser.get("/registration/new");
		Browser.Page answer = browser.submit(form, "form.pow-form",
				Map.of("userId", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
		return browser;
	}

	private Browser signedIn(String email, String userAgent) {
		Browser browser = new Browser(this.port).header("User-Agent", userAgent);
		Browser.Page answer = browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
		return browser;
	}

}
