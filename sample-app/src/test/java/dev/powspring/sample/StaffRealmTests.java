package dev.powspring.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.powspring.realm.PowRealms;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.store.JdbcPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.store.RedisPowStore;
import dev.powspring.test.mail.DevelopmentMailboxPages;
import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.redis.RedisTestServer;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's two realms over real HTTP on PostgreSQL, with sessions in memory, in
 * PostgreSQL and in Redis: members, and staff at /staff with their own table, cookies,
 * sessions, messages, extensions and API tokens.
 */
class StaffRealmTests {

	@Nested
	@PostgresTest
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	class MemoryStore extends Scenarios {

		@Test
		void eachRealmKeepsItsSessionsInAStoreOfItsOwn() {
			assertThat(this.store).isInstanceOf(InMemoryPowStore.class);
			assertThat(this.realms.getBean("staff", PowStore.class)).isInstanceOf(InMemoryPowStore.class)
				.isNotSameAs(this.store);
		}

	}

	@Nested
	@PostgresTest
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pow.store.type=jdbc")
	class JdbcStore extends Scenarios {

		@Test
		void eachRealmKeepsItsSessionsInATableOfItsSchema() {
			assertThat(this.realms.getBean("staff", PowStore.class)).isInstanceOf(JdbcPowStore.class);
			SampleFlows.register(browser(), this.mailbox, this.ann, "/staff");
			long members = count("pow_store");

			Browser again = browser();
			Browser.Page form = again.get("/staff/session/new");
			long staff = count(this.staffSchema + ".pow_store");
			Browser.Page signedIn = again.submit(form, "form.pow-form",
					Map.of("userId", this.ann, "password", "secret1234"));

			assertThat(signedIn.status()).isEqualTo(302);
			assertThat(count(this.staffSchema + ".pow_store")).isGreaterThan(staff);
			assertThat(count("pow_store")).isEqualTo(members);
		}

	}

	@Nested
	@PostgresTest
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pow.store.type=redis")
	class RedisStore extends Scenarios {

		@DynamicPropertySource
		static void redis(DynamicPropertyRegistry registry) {
			registry.add("spring.data.redis.host", () -> RedisTestServer.get().host());
			registry.add("spring.data.redis.port", () -> RedisTestServer.get().port());
			registry.add("pow.store.redis-key-prefix", () -> "pow-sample-" + UUID.randomUUID() + ":");
		}

		@Test
		void eachRealmKeepsItsSessionsUnderAKeyPrefixOfItsOwn() {
			assertThat(this.realms.getBean("staff", PowStore.class)).isInstanceOf(RedisPowStore.class);
		}

	}

	abstract static class Scenarios {

		@LocalServerPort
		int port;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		PowStore store;

		@Autowired
		PowRealms realms;

		@Value("${pow.realms.staff.schema}")
		String staffSchema;

		DevelopmentMailboxPages mailbox;

		// A new address per test: the sample sends at most two mails a minute to one.
		final String ann = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

		@BeforeEach
		void clean() {
			this.jdbc.sql("DELETE FROM users").update();
			this.jdbc.sql("DELETE FROM " + this.staffSchema + ".users").update();
			this.mailbox = new DevelopmentMailboxPages(this.port);
		}

		@Test
		void sameEmailIsOneMemberAndOneStaffUserEachSignedInInTheirRealmOnly() {
			Browser both = browser();
			assertThat(SampleFlows.register(both, this.mailbox, "jane@example.com"))
				.isEqualTo("Welcome, jane@example.com.");
			Browser.Page desk = both.get("/staff");
			assertThat(desk.status()).isEqualTo(302);
			assertThat(desk.location()).contains("/staff/session/new");

			SampleFlows.register(both, this.mailbox, "jane@example.com", "/staff");
			assertThat(both.get("/staff").text("[data-test=staff-greeting]"))
				.isEqualTo("Signed in as staff: jane@example.com.");
			assertThat(both.cookie("pow_staff_session")).isPresent();
			assertThat(count("users")).isOne();
			assertThat(count(this.staffSchema + ".users")).isOne();

			Browser.Page signedOut = both.submit(both.get("/staff/registration/edit"), "header form",
					Map.of("_method", "delete"));
			assertThat(signedOut.location()).endsWith("/staff/session/new");
			assertThat(both.get("/staff").status()).isEqualTo(302);
			assertThat(both.get("/").text("[data-test=greeting]")).isEqualTo("Welcome, jane@example.com.");
		}

		@Test
		void staffSessionIsAnonymousOnTheMembersPages() {
			Browser staff = browser();
			SampleFlows.register(staff, this.mailbox, this.ann, "/staff");

			Browser.Page notes = staff.get("/notes");

			assertThat(notes.status()).isEqualTo(302);
			assertThat(notes.location()).contains("/session/new").doesNotContain("/staff");
		}

		@Test
		void staffPagesHaveTheRealmsTextsAndExtensions() {
			Browser anonymous = browser();

			Browser.Page staffSignIn = anonymous.get("/staff/session/new");
			Browser.Page memberSignIn = anonymous.get("/session/new");

			assertThat(staffSignIn.text("h1")).isEqualTo("Staff sign in");
			assertThat(memberSignIn.text("h1")).isEqualTo("Sign in");
			assertThat(memberSignIn.document().select("input[name=persistent_session]")).hasSize(1);
			assertThat(staffSignIn.document().select("input[name=persistent_session]")).isEmpty();
			assertThat(anonymous.acceptLanguage("de").get("/staff/session/new").text("h1"))
				.isEqualTo("Anmeldung für Mitarbeitende");

			Browser staff = browser();
			SampleFlows.register(staff, this.mailbox, this.ann, "/staff");
			assertThat(staff.get("/staff/invitations/new").status()).isEqualTo(404);
		}

		@Test
		void staffPasswordResetMailsTheRealmsOwnMailWithALinkIntoTheRealm() {
			Browser staff = browser();
			SampleFlows.register(staff, this.mailbox, this.ann, "/staff");
			Browser anonymous = browser();

			anonymous.submit(anonymous.get("/staff/reset-password/new"), "form.pow-form",
					Map.of("email", this.ann));
			ReceivedMail mail = this.mailbox.awaitMail(this.ann, "Reset your staff password");
			assertThat(mail.text()).as("the realm's own mail template")
				.contains("This link opens the staff desk only.");
			String link = mail.path("/staff/reset-password/");
			Browser.Page reset = anonymous.submit(anonymous.get(link), "form.pow-form",
					Map.of("password", "new-secret-99", "passwordConfirmation", "new-secret-99"));

			assertThat(reset.status()).isEqualTo(302);
			Browser.Page signedIn = anonymous.submit(anonymous.get("/staff/session/new"), "form.pow-form",
					Map.of("userId", this.ann, "password", "new-secret-99"));
			assertThat(signedIn.location()).endsWith("/staff");
		}

		@Test
		void apiTokensWorkInTheRealmThatIssuedThemOnly() throws Exception {
			SampleFlows.register(browser(), this.mailbox, this.ann, "/staff");

			JsonNode tokens = post("/staff/api/v1/session", "user[email]=" + this.ann + "&user[password]=secret1234");
			String access = tokens.at("/data/access_token").asString();

			assertThat(get("/staff/api/v1/registration", access).statusCode()).isEqualTo(200);
			assertThat(get("/api/v1/registration", access).statusCode()).isEqualTo(401);
			assertThat(post("/api/v1/session", "user[email]=" + this.ann + "&user[password]=secret1234")
				.at("/error/status")
				.asInt()).isEqualTo(401);
		}

		Browser browser() {
			return new Browser(this.port);
		}

		long count(String table) {
			return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
		}

		private JsonNode post(String path, String form) throws Exception {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString());
			return JsonMapper.builder().build().readTree(response.body());
		}

		private HttpResponse<String> get(String path, String token) throws Exception {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Authorization", token)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
