package dev.powspring.testing.app;

import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.testing.CapturedMails;
import dev.powspring.testing.PowTestUsers;
import dev.powspring.testing.WithPowUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static dev.powspring.testing.PowMockMvc.powCsrf;
import static dev.powspring.testing.PowMockMvc.powUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application over MockMvc, on PostgreSQL: requests as signed-in users made on
 * the fly (confirmed, so email confirmation lets them in), CSRF, and a mail's link.
 */
@PostgresTest
@SpringBootTest
@AutoConfigureMockMvc
class NotesMockMvcTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private CapturedMails mails;

	@Autowired
	private PowTestUsers users;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PowProperties properties;

	@BeforeEach
	void clean() {
		this.jdbc.sql("DELETE FROM users").update();
		this.mails.clear();
	}

	@Test
	@WithPowUser("jane@example.com")
	void withPowUserThenSignedInAsAConfirmedMember() {
		assertThat(this.mvc.get().uri("/notes")).hasStatusOk().bodyText().isEqualTo("notes of jane@example.com");
	}

	@Test
	void testKitPresentThenPasswordHashingIsCheap() {
		assertThat(this.properties.getPassword().getPbkdf2Iterations()).isEqualTo(1);
	}

	@Test
	void anonymousThenSentToSignIn() {
		assertThat(this.mvc.get().uri("/notes")).hasStatus3xxRedirection();
	}

	@Test
	void postWithoutTheTokenThenRefused() {
		assertThat(this.mvc.post().uri("/notes").param("body", "Hello")).hasStatus(403);
	}

	@Test
	void existingUserThenThatUser() {
		this.users.create("boss@example.com", "admin");

		assertThat(this.mvc.get().uri("/report").with(powUser("boss@example.com"))).hasStatusOk()
			.bodyText()
			.isEqualTo("report for boss@example.com");
	}

	@Test
	void resetRequestedThenTheMailsLinkOpensTheForm() {
		this.users.create("jane@example.com");

		assertThat(this.mvc.post().uri("/reset-password").param("email", "jane@example.com").with(powCsrf()))
			.hasStatus3xxRedirection();
		String path = this.mails.lastTo("jane@example.com").orElseThrow().path("/reset-password/");

		assertThat(this.mvc.get().uri(path)).hasStatusOk().bodyText().contains("password");
	}

}
