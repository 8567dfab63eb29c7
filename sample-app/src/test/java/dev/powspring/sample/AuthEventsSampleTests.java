package dev.powspring.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
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
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.powspring.event.PowAuthEventType.ACCOUNT_DELETED;
import static dev.powspring.event.PowAuthEventType.API_TOKEN_RENEWED;
import static dev.powspring.event.PowAuthEventType.EMAIL_CONFIRMED;
import static dev.powspring.event.PowAuthEventType.PASSWORD_CHANGED;
import static dev.powspring.event.PowAuthEventType.PASSWORD_RESET_COMPLETED;
import static dev.powspring.event.PowAuthEventType.PASSWORD_RESET_REQUESTED;
import static dev.powspring.event.PowAuthEventType.REGISTERED;
import static dev.powspring.event.PowAuthEventType.SESSIONS_ENDED;
import static dev.powspring.event.PowAuthEventType.SIGNED_IN;
import static dev.powspring.event.PowAuthEventType.SIGNED_OUT;
import static dev.powspring.event.PowAuthEventType.SIGN_IN_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every auth event of the sample's everyday flows, heard by one listener with every module
 * on the classpath: each step publishes exactly the events it should, once, about the
 * right user, with the client's address and user agent, and never a password, token or
 * link. The two-factor, passkey, invitation and admin events are proven in their modules.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AuthEventsSampleTests.Recorder.class)
class AuthEventsSampleTests {

	static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	static final String APP = "NotesApp/2.1 (iPhone; iOS 18.1)";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Recorder recorder;

	@Autowired
	private PowMailDelivery mailDelivery;

	private TestMailbox mailbox;

	private final List<String> secrets = new ArrayList<>(List.of("secret1234", "wrong-guess", "newsecret567",
			"reset98765"));

	@BeforeEach
	void start() {
		this.jdbc.sql("DELETE FROM notes").update();
		this.jdbc.sql("DELETE FROM users").update();
		this.mailbox = new DevelopmentMailboxPages(this.port);
		this.mailbox.clearOnceIdle(() -> this.mailDelivery.inFlight() == 0);
		this.recorder.drain();
	}

	@Test
	void eachFlowPublishesItsEventsOnceWithWhoWhereAndNoSecret() throws Exception {
		Browser browser = new Browser(this.port).header("User-Agent", FIREFOX);
		Browser.Page registered = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "ada@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(registered.status()).isEqualTo(302);
		Long ada = this.jdbc.sql("SELECT id FROM users").query(Long.class).single();
		expect(ada, FIREFOX, REGISTERED);

		String confirmLink = this.mailbox.awaitMail("ada@example.com", "Confirm your email address")
			.path("/confirm-email/");
		this.secrets.add(confirmLink.substring(confirmLink.lastIndexOf('/') + 1));
		browser.submit(browser.get(confirmLink), "form.pow-form", Map.of());
		expect(ada, FIREFOX, EMAIL_CONFIRMED);

		signIn(browser, "wrong-guess", Map.of());
		assertThat(expect(ada, FIREFOX, SIGN_IN_FAILED).get(0).details())
			.isEqualTo(Map.of("method", "password", "reason", "bad_credentials"));

		signIn(browser, "secret1234", Map.of("persistent_session", "true"));
		assertThat(expect(ada, FIREFOX, SIGNED_IN).get(0).details())
			.containsEntry("method", "password")
			.containsEntry("new_device", "true");
		String rememberMe = browser.cookie("persistent_session").orElseThrow().getValue();
		this.secrets.add(rememberMe);

		// The browser is closed, which drops the session cookie; reopened, it is remembered.
		browser = new Browser(this.port).header("User-Agent", FIREFOX);
		browser.setCookie("persistent_session", rememberMe);
		assertThat(browser.get("/notes").status()).isEqualTo(200);
		assertThat(expect(ada, FIREFOX, SIGNED_IN).get(0).detail("method")).isEqualTo("remember_me");

		browser.submit(browser.get("/registration/edit"), "form.pow-form", Map.of("password", "newsecret567",
				"passwordConfirmation", "newsecret567", "currentPassword", "secret1234"));
		expect(ada, FIREFOX, PASSWORD_CHANGED);

		browser.submit(browser.get("/registration/edit"), "form[action$=/session]", Map.of());
		expect(ada, FIREFOX, SIGNED_OUT);

		browser.submit(browser.get("/reset-password/new"), "form.pow-form", Map.of("email", "ada@example.com"));
		expect(ada, FIREFOX, PASSWORD_RESET_REQUESTED);
		browser.submit(browser.get("/reset-password/new"), "form.pow-form", Map.of("email", "nobody@example.com"));
		assertThat(this.recorder.drain()).as("a request for an unknown address").isEmpty();
		String resetLink = this.mailbox.awaitMail("ada@example.com", "Reset password link").path("/reset-password/");
		this.secrets.add(resetLink.substring(resetLink.lastIndexOf('/') + 1));
		browser.submit(browser.get(resetLink), "form.pow-form",
				Map.of("password", "reset98765", "passwordConfirmation", "reset98765"));
		expect(ada, FIREFOX, PASSWORD_RESET_COMPLETED);

		JsonNode pair = api("POST", "/api/v1/session", null,
				"user[email]=ada@example.com&user[password]=reset98765");
		this.secrets.add(pair.at("/data/access_token").asString());
		this.secrets.add(pair.at("/data/renewal_token").asString());
		assertThat(expect(ada, APP, SIGNED_IN).get(0).detail("method")).isEqualTo("api");
		JsonNode renewed = api("POST", "/api/v1/session/renew", pair.at("/data/renewal_token").asString(), null);
		this.secrets.add(renewed.at("/data/access_token").asString());
		expect(ada, APP, API_TOKEN_RENEWED);
		api("DELETE", "/api/v1/session", renewed.at("/data/access_token").asString(), null);
		expect(ada, APP, SIGNED_OUT);

		signIn(browser, "reset98765", Map.of());
		Browser other = new Browser(this.port).header("User-Agent", FIREFOX);
		signIn(other, "reset98765", Map.of());
		expect(ada, FIREFOX, SIGNED_IN, SIGNED_IN);
		browser.submit(browser.get("/registration/sessions"), "form[action$=/registration/sessions/others]",
				Map.of());
		assertThat(expect(ada, FIREFOX, SESSIONS_ENDED).get(0).details()).containsEntry("scope", "others");

		browser.submit(browser.get("/registration/edit"), ".pow-danger-zone form",
				Map.of("currentPassword", "reset98765"));
		expect(ada, FIREFOX, ACCOUNT_DELETED);
	}

	private void signIn(Browser browser, String password, Map<String, String> extra) {
		Map<String, String> fields = new java.util.HashMap<>(extra);
		fields.put("userId", "ada@example.com");
		fields.put("password", password);
		browser.submit(browser.get("/session/new"), "form.pow-form", fields);
	}

	/**
	 * Take the events published since the last step and check them: exactly these types,
	 * about the user, from the loopback client with its user agent, in the default realm,
	 * with no secret anywhere.
	 */
	private List<PowAuthEvent> expect(Long userId, String userAgent, PowAuthEventType... types) {
		List<PowAuthEvent> events = this.recorder.drain();
		assertThat(events).extracting(PowAuthEvent::type).containsExactly(types);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.userId()).isEqualTo(userId);
			assertThat(event.actorId()).isNull();
			assertThat(event.realm()).isEqualTo("default");
			assertThat(event.clientAddress()).isEqualTo("127.0.0.1");
			assertThat(event.userAgent()).isEqualTo(userAgent);
			assertThat(event.occurredAt()).isNotNull();
			assertThat(event.toString()).doesNotContain(this.secrets);
		});
		return events;
	}

	private JsonNode api(String method, String path, String authorization, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("User-Agent", APP);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		request.method(method, (form != null) ? HttpRequest.BodyPublishers.ofString(form)
				: HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
		return response.body().isEmpty() ? JsonMapper.builder().build().createObjectNode()
				: JsonMapper.builder().build().readTree(response.body());
	}

	/**
	 * Hears every auth event of the application, as an application's listener would.
	 */
	static class Recorder {

		private final List<PowAuthEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PowAuthEvent event) {
			this.events.add(event);
		}

		synchronized List<PowAuthEvent> drain() {
			List<PowAuthEvent> drained = List.copyOf(this.events);
			this.events.clear();
			return drained;
		}

	}

}
