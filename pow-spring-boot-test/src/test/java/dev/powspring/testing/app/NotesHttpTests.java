package dev.powspring.testing.app;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.testing.PowTestSession;
import dev.powspring.testing.PowTestSessions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The application over real HTTP, with a session the test kit signed in.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class NotesHttpTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private PowTestSessions sessions;

	@Test
	void signedInSessionThenItsCookieAndTokenWork() {
		PowTestSession jane = this.sessions.signIn("jane@example.com");

		this.client.get()
			.uri("/notes")
			.header("Cookie", jane.cookieHeader())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("notes of jane@example.com");
		this.client.post()
			.uri("/notes?body=Hi")
			.header("Cookie", jane.cookieHeader())
			.header(jane.csrfHeaderName(), jane.csrfToken())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("jane@example.com wrote Hi");
	}

	@Test
	void withoutTheSessionThenSentToSignIn() {
		this.client.get().uri("/notes").exchange().expectStatus().is3xxRedirection();
	}

}
