package dev.powspring.magiclink;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth events of a magic link: the session manager's sign-in, and the confirmation of
 * the address once, when the link confirmed it.
 */
@Import(AuthEventRecorder.class)
class MagicLinkEventsTests extends MagicLinkTestSupport {

	@Autowired
	private AuthEventRecorder events;

	@BeforeEach
	void forgetEarlierEvents() {
		this.events.clear();
	}

	@Test
	void linkToAnUnconfirmedAddressPublishesOneConfirmationAndOneSignIn() {
		PowUser jane = register("jane@example.com", "secret1234");
		Browser browser = browser().header("User-Agent", AuthEventRecorder.USER_AGENT);
		requestLink(browser, "jane@example.com");
		String path = linkPath(linkMailTo("jane@example.com"));
		assertThat(this.events.all()).as("asking for a link").isEmpty();

		pressSignIn(browser, path);

		this.events.one(PowAuthEventType.EMAIL_CONFIRMED, jane.getId());
		PowAuthEvent signedIn = this.events.one(PowAuthEventType.SIGNED_IN, jane.getId());
		assertThat(signedIn.detail(PowAuthEvent.METHOD)).isEqualTo("magic_link");
		assertThat(this.events.types()).containsExactly(PowAuthEventType.EMAIL_CONFIRMED,
				PowAuthEventType.SIGNED_IN);
		this.events.assertNoDetailHolds(path.substring(path.lastIndexOf('/') + 1), "secret1234");
	}

	@Test
	void linkToAConfirmedAddressPublishesTheSignInAlone() {
		PowUser jane = register("jane@example.com", "secret1234");
		this.jdbc.sql("UPDATE users SET email_confirmed_at = now() WHERE id = ?").param(jane.getId()).update();
		Browser browser = browser().header("User-Agent", AuthEventRecorder.USER_AGENT);
		requestLink(browser, "jane@example.com");
		String path = linkPath(linkMailTo("jane@example.com"));

		pressSignIn(browser, path);

		this.events.one(PowAuthEventType.SIGNED_IN, jane.getId());
		assertThat(this.events.types()).containsExactly(PowAuthEventType.SIGNED_IN);
	}

}
