package dev.powspring.testing.app;

import dev.powspring.testing.WithPowUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static dev.powspring.testing.PowMockMvc.powUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @WebMvcTest} slice of the notes controller behaves as the application does:
 * guards, CSRF protection and {@code @CurrentUser} all work, with users in memory.
 */
@WebMvcTest(NotesController.class)
class NotesSliceTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void anonymousThenSentToSignInAndTheControllerDoesNotRun() {
		assertThat(this.mvc.get().uri("/notes")).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/session/new?request_path=%2Fnotes");
	}

	@Test
	@WithPowUser("jane@example.com")
	void withPowUserThenTheControllerGetsTheMember() {
		assertThat(this.mvc.get().uri("/notes")).hasStatusOk().bodyText().isEqualTo("notes of jane@example.com");
	}

	@Test
	@WithPowUser("jane@example.com")
	void currentUserThenNeverBoundFromRequestParameters() {
		assertThat(this.mvc.get().uri("/notes?userId=boss@example.com")).hasStatusOk()
			.bodyText()
			.isEqualTo("notes of jane@example.com");
	}

	@Test
	@WithPowUser("jane@example.com")
	void userNamedByTheRequestThenItWinsOverTheAnnotation() {
		assertThat(this.mvc.get().uri("/notes").with(powUser("joe@example.com"))).hasStatusOk()
			.bodyText()
			.isEqualTo("notes of joe@example.com");
	}

	@Test
	void postWithoutTheTokenThenRefused() {
		assertThat(this.mvc.post().uri("/notes").param("body", "Hello")).hasStatus(403);
	}

	@Test
	void postAsAUserThenCarriesTheSessionsCsrfToken() {
		assertThat(this.mvc.post().uri("/notes").param("body", "Hello").with(powUser("jane@example.com")))
			.hasStatusOk()
			.bodyText()
			.isEqualTo("jane@example.com wrote Hello");
	}

	@Test
	@WithPowUser("jane@example.com")
	void roleGuardThenForbiddenWithoutTheRoleAndAllowedWithIt() {
		assertThat(this.mvc.get().uri("/report")).hasStatus(403);
		assertThat(this.mvc.get().uri("/report").with(powUser("boss@example.com", "admin"))).hasStatusOk()
			.bodyText()
			.isEqualTo("report for boss@example.com");
	}

}
