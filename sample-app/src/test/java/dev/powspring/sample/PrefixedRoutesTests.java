package dev.powspring.sample;

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
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code pow.routes.prefix=/auth}, every route of Pow and of every extension lives
 * under /auth: pages, form actions, redirects, guard redirects and the links in mails.
 * The sample runs whole, under Spring Security, against PostgreSQL.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pow.routes.prefix=/auth/")
class PrefixedRoutesTests {

	private static final String PREFIX = "/auth";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PowMailDelivery mailDelivery;

	@Autowired
	private PowUsersService users;

	private TestMailbox mailbox;

	@BeforeEach
	void start() {
		this.jdbc.sql("DELETE FROM notes").update();
		this.jdbc.sql("DELETE FROM users").update();
		this.mailbox = new DevelopmentMailboxPages(this.port);
		this.mailbox.clearOnceIdle(() -> this.mailDelivery.inFlight() == 0);
	}

	@Test
	void everyFlowOfEveryExtensionWorksUnderThePrefix() {
		Browser jane = new Browser(this.port);
		assertThat(jane.get("/notes").location()).as("the guard's redirect")
			.endsWith("/auth/session/new?request_path=%2Fnotes");
		assertThat(jane.get("/").document().select("a[href$=/session/new]").eachAttr("href"))
			.as("links to sign in")
			.isNotEmpty()
			.allMatch((href) -> href.equals("/auth/session/new"));

		assertThat(SampleFlows.register(jane, this.mailbox, "jane@example.com", PREFIX))
			.isEqualTo("Welcome, jane@example.com.");

		Browser.Page account = jane.get("/auth/registration/edit");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.document().selectFirst("form.pow-form").attr("action")).isEqualTo("/auth/registration");
		Browser.Page updated = jane.submit(account, "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret5678", "passwordConfirmation", "secret5678",
						"currentPassword", "secret1234"));
		assertThat(updated.location()).endsWith("/auth/registration/edit");

		Browser.Page signedOut = jane.submit(jane.get("/"), "header form", Map.of());
		assertThat(signedOut.location()).as("after sign-out").endsWith("/auth/session/new");

		Browser.Page remembered = signIn(jane, "jane@example.com", "secret5678", true);
		assertThat(remembered.status()).isEqualTo(302);
		Browser restored = new Browser(this.port);
		restored.setCookie("persistent_session", jane.cookie("persistent_session").orElseThrow().getValue());
		assertThat(restored.get("/notes").status()).as("remember-me").isEqualTo(200);

		Browser.Page invited = jane.submit(jane.get("/auth/invitations/new"), "form.pow-form",
				Map.of("userId", "joe@example.com"));
		assertThat(invited.location()).endsWith("/auth/invitations/new");
		String invitation = this.mailbox.awaitMail("joe@example.com", "You've been invited").path("/auth/invitations/");
		Browser joe = new Browser(this.port);
		Browser.Page acceptForm = joe.get(invitation);
		assertThat(acceptForm.document().selectFirst("form.pow-form").attr("action")).startsWith("/auth/invitations/");
		Browser.Page accepted = joe.submit(acceptForm, "form.pow-form",
				Map.of("password", "joe-secret-1", "passwordConfirmation", "joe-secret-1"));
		assertThat(joe.follow(accepted).text("[data-test=greeting]")).isEqualTo("Welcome, joe@example.com.");

		Browser anonymous = new Browser(this.port);
		Browser.Page resetForm = anonymous.get("/auth/reset-password/new");
		assertThat(resetForm.document().selectFirst("form.pow-form").attr("action")).isEqualTo("/auth/reset-password");
		assertThat(anonymous.get("/auth/session/new").document().select("a[href$=/reset-password/new]").attr("href"))
			.isEqualTo("/auth/reset-password/new");
		anonymous.submit(resetForm, "form.pow-form", Map.of("email", "jane@example.com"));
		String reset = this.mailbox.awaitMail("jane@example.com", "Reset password link").path("/auth/reset-password/");
		Browser.Page resetDone = anonymous.submit(anonymous.get(reset), "form.pow-form",
				Map.of("password", "new-secret-99", "passwordConfirmation", "new-secret-99"));
		assertThat(resetDone.location()).endsWith("/auth/session/new");
		assertThat(anonymous.get("/auth/reset-password/not-a-token").location()).as("an invalid reset link")
			.endsWith("/auth/reset-password/new");
		assertThat(signIn(anonymous, "jane@example.com", "new-secret-99", false).status()).isEqualTo(302);
	}

	@Test
	void routesAtTheRootAreGoneThenTheDevelopmentMailboxStays() {
		Browser browser = new Browser(this.port);

		assertThat(browser.get("/auth/session/new").status()).isEqualTo(200);
		assertThat(browser.get("/session/new").status()).as("the unprefixed sign-in page").isNotEqualTo(200);
		assertThat(browser.get("/registration/new").status()).isNotEqualTo(200);
		assertThat(browser.get("/reset-password/new").status()).isNotEqualTo(200);
		assertThat(browser.get("/dev/mailbox").status()).isEqualTo(200);
	}

	private static Browser.Page signIn(Browser browser, String email, String password, boolean remember) {
		Map<String, String> fields = remember
				? Map.of("userId", email, "password", password, "persistent_session", "true")
				: Map.of("userId", email, "password", password);
		return browser.submit(browser.get("/auth/session/new"), "form.pow-form", fields);
	}

	@Test
	void apiUnderThePrefixThenItsTokensSignInEverywhere() throws Exception {
		this.users.create(new UserParams("jane@example.com", "secret1234", "secret1234"));
		this.jdbc.sql("UPDATE users SET email_confirmed_at = now()").update();
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/auth/api/v1/session"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("user[email]=jane@example.com&user[password]=secret1234"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> unprefixed = http.send(HttpRequest.newBuilder(uri("/api/v1/session"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("user[email]=jane@example.com&user[password]=secret1234"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> description = http.send(HttpRequest.newBuilder(uri("/auth/api/v1/openapi.yaml")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(unprefixed.statusCode()).isNotEqualTo(200);
		assertThat(description.body()).contains("url: \"/auth/api/v1\"");
		String access = JsonMapper.shared().readTree(signedIn.body()).at("/data/access_token").asString();
		HttpResponse<String> notes = http.send(HttpRequest.newBuilder(uri("/api/v1/notes"))
			.header("Authorization", access)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(notes.statusCode()).isEqualTo(200);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
