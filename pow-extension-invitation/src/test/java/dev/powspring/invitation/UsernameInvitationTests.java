package dev.powspring.invitation;

import java.util.Map;

import dev.powspring.invitation.testapp.InvitationTestApplication;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When users sign in by user name there is no address to mail: the inviter gets the link
 * to share.
 */
@PostgresTest
@SpringBootTest(classes = InvitationTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pow.user-id-field=username", "pow.email-confirmation.enabled=false" })
class UsernameInvitationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PowUsersService users;

	@Test
	void inviteShowsTheLinkToShareAndItSignsTheInvitedUserIn() {
		assertThat(this.users.create(new UserParams("jane", "secret1234", "secret1234")).succeeded()).isTrue();
		Browser jane = new Browser(this.port);
		jane.submit(jane.get("/session/new"), "form.pow-form", Map.of("userId", "jane", "password", "secret1234"));

		Browser.Page invited = jane.submit(jane.get("/invitations/new"), "form.pow-form", Map.of("userId", "joe"));
		Browser.Page shared = jane.follow(invited);

		assertThat(shared.status()).isEqualTo(200);
		String link = shared.document().select("[data-test=invitation-link]").attr("href");
		assertThat(link).startsWith("http://localhost:" + this.port + "/invitations/").endsWith("/edit");
		Browser joe = new Browser(this.port);
		Browser.Page accepted = joe.submit(joe.get(link.replaceFirst("^https?://[^/]+", "")), "form.pow-form",
				Map.of("userId", "joe", "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(accepted.status()).isEqualTo(302);
		assertThat(joe.get("/notes").body()).isEqualTo("notes of joe");
	}

}
