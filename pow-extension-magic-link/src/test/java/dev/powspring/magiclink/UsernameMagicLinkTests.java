package dev.powspring.magiclink;

import dev.powspring.test.web.Browser;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When users sign in by user name, magic links work through the {@code email} column: the
 * user asks with the address, the link goes there and signs in the account; a user name
 * typed in place of the address gets the usual answer and no mail.
 */
@TestPropertySource(properties = "pow.user-id-field=username")
class UsernameMagicLinkTests extends MagicLinkTestSupport {

	@Test
	void linkThroughTheEmailColumnSignsInTheAccount() {
		registerWithEmail("jane", "jane@example.com");
		registerWithEmail("kim", "kim@example.com");
		Browser browser = browser();

		Browser.Page asked = requestLink(browser, " JANE@example.com");
		Browser.Page byUsername = requestLink(browser(), "kim");

		assertThat(asked.location()).isEqualTo(byUsername.location());
		assertThat(pressSignIn(browser, linkPath(linkMailTo("jane@example.com"))).status()).isEqualTo(302);
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane");
		mailbox.awaitIdle(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.receivedBy("kim@example.com")).isEmpty();
	}

	private void registerWithEmail(String username, String email) {
		UserParams params = new UserParams(username, "secret1234", "secret1234");
		params.getFields().put("email", email);
		assertThat(this.users.create(params).succeeded()).isTrue();
	}

}
