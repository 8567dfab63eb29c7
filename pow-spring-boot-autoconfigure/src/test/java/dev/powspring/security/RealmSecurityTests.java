package dev.powspring.security;

import java.util.Map;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.security.realms.ExplicitRealmChains;
import dev.powspring.testapp.security.realms.RealmSecurityApplication;
import dev.powspring.testapp.security.realms.SingleChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.FilterChainProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each realm is its own Spring Security chain, matched by its prefix: Pow's chains when
 * the application declares none, and the application's own with
 * {@code PowSecurityConfigurer.pow("staff")}.
 */
class RealmSecurityTests {

	@Nested
	@PostgresTest
	@SpringBootTest(classes = RealmSecurityApplication.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "pow.realms.staff.schema=${pow.test.schema}_staff")
	class PowChains extends Scenarios {

		@Autowired
		FilterChainProxy filterChainProxy;

		@Test
		void eachRealmHasAChainOfItsOwnBeforeTheDefaultOne() {
			assertThat(this.filterChainProxy.getFilterChains()).hasSize(2);
			assertThat(this.filterChainProxy.getFilterChains().get(0)).isInstanceOf(PowRealmSecurityFilterChain.class);
		}

	}

	@Nested
	@PostgresTest
	@SpringBootTest(classes = { RealmSecurityApplication.class, ExplicitRealmChains.class },
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "pow.realms.staff.schema=${pow.test.schema}_staff")
	class ApplicationChains extends Scenarios {

		@Autowired
		ApplicationContext context;

		@Test
		void powAddsNoChainBesideTheApplications() {
			assertThat(this.context.getBeansOfType(PowRealmSecurityFilterChain.class)).isEmpty();
		}

	}

	@Nested
	@PostgresTest
	@SpringBootTest(classes = { RealmSecurityApplication.class, SingleChain.class },
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "pow.realms.staff.schema=${pow.test.schema}_staff")
	class NoChainForTheRealm {

		@Autowired
		PowSecurityChainsCheck check;

		@Test
		void startupCheckNamesTheRealmLeftInAnotherRealmsChain() {
			assertThat(this.check.problems()).singleElement()
				.asString()
				.contains("applies Pow for another realm than \"staff\"")
				.contains("PowSecurityConfigurer.pow(\"staff\")");
		}

	}

	abstract static class Scenarios {

		@LocalServerPort
		int port;

		@Autowired
		JdbcClient jdbc;

		@Value("${pow.test.schema}_staff")
		String staffSchema;

		@BeforeEach
		void deleteUsers() {
			this.jdbc.sql("DELETE FROM users").update();
			this.jdbc.sql("DELETE FROM " + this.staffSchema + ".users").update();
		}

		@Autowired
		PowSecurityChainsCheck check;

		@Test
		void startupCheckFindsNothingToSay() {
			assertThat(this.check.problems()).isEmpty();
		}

		@Test
		void anonymousStaffPageGoesToTheStaffSignIn() {
			Browser.Page board = browser().get("/staff/board");

			assertThat(board.status()).isEqualTo(302);
			assertThat(board.location()).contains("/staff/session/new?");
		}

		@Test
		void staffUserIsSpringSecuritysPrincipalInTheStaffAreaOnly() {
			Browser staff = browser();
			register(staff, "/staff", "boss@example.com");

			assertThat(staff.get("/staff/board").body()).isEqualTo("board for boss@example.com");
			Browser.Page notes = staff.get("/notes");
			assertThat(notes.status()).isEqualTo(302);
			assertThat(notes.location()).contains("/session/new?").doesNotContain("/staff");
		}

		@Test
		void memberIsAnonymousInTheStaffArea() {
			Browser member = browser();
			register(member, "", "jane@example.com");

			assertThat(member.get("/notes").body()).isEqualTo("notes of jane@example.com");
			assertThat(member.get("/staff/board").location()).contains("/staff/session/new?");
		}

		@Test
		void staffFormWithoutTheStaffCsrfTokenIsRefused() {
			Browser browser = browser();
			String memberToken = browser.get("/registration/new").document().select("input[name=_csrf]").attr("value");

			Browser.Page answer = browser.post("/staff/registration", Map.of("_csrf", memberToken, "userId",
					"boss@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));

			assertThat(answer.status()).isEqualTo(403);
			assertThat(register(browser, "/staff", "boss@example.com").location()).doesNotContain("/session/new");
		}

		Browser browser() {
			return new Browser(this.port);
		}

		Browser.Page register(Browser browser, String prefix, String email) {
			Browser.Page form = browser.get(prefix + "/registration/new");
			Browser.Page answer = browser.submit(form, "form.pow-form",
					Map.of("userId", email + "", "password", "secret1234", "passwordConfirmation", "secret1234"));
			assertThat(answer.status()).as("registration at %s: %s", prefix, answer.body()).isEqualTo(302);
			return answer;
		}

	}

}
