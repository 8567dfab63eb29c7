package dev.powspring.magiclink;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.test.web.Browser;
import dev.powspring.testing.RecordedAuthEvents;
import dev.powspring.user.PowUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth events of a magic link: the session manager's sign-in, and the confirmation of
 * the address once, when the link confirmed it.
 */
class MagicLinkEventsTests extends MagicLinkTestSupport {

	/** The user agent the tests send, to find in the events. */
	static final String USER_AGENT = "PowEventsTest/1.0 (X11; Linux x86_64)";

	@Autowired
	private RecordedAuthEvents events;

	@BeforeEach
	void forgetEarlierEvents() {
		this.events.clear();
	}

	@Test
	void linkToAnUnconfirmedAddressPublishesOneConfirmationAndOneSignIn() {
		PowUser jane = register("jane@example.com", "secret1234");
		Browser browser = browser().header("User-Agent", USER_AGENT);
		requestLink(browser, "jane@example.com");
		String path = linkPath(linkMailTo("jane@example.com"));
		assertThat(this.events.all()).as("asking for a link").isEmpty();

		pressSignIn(browser, path);

		one(PowAuthEventType.EMAIL_CONFIRMED, jane.getId());
		PowAuthEvent signedIn = one(PowAuthEventType.SIGNED_IN, jane.getId());
		assertThat(signedIn.detail(PowAuthEvent.METHOD)).isEqualTo("magic_link");
		assertThat(this.events.types()).containsExactly(PowAuthEventType.EMAIL_CONFIRMED,
				PowAuthEventType.SIGNED_IN);
		this.events.assertNoneHolds("://", path.substring(path.lastIndexOf('/') + 1), "secret1234");
	}

	@Test
	void linkToAConfirmedAddressPublishesTheSignInAlone() {
		PowUser jane = register("jane@example.com", "secret1234");
		this.jdbc.sql("UPDATE users SET email_confirmed_at = now() WHERE id = ?").param(jane.getId()).update();
		Browser browser = browser().header("User-Agent", USER_AGENT);
		requestLink(browser, "jane@example.com");
		String path = linkPath(linkMailTo("jane@example.com"));

		pressSignIn(browser, path);

		one(PowAuthEventType.SIGNED_IN, jane.getId());
		assertThat(this.events.types()).containsExactly(PowAuthEventType.SIGNED_IN);
	}

	/**
	 * Return the one event of the type, checked to be about the user, by no admin, from the
	 * test's loopback client and user agent.
	 */
	private PowAuthEvent one(PowAuthEventType type, Long userId) {
		PowAuthEvent event = this.events.single(type);
		assertThat(event).extracting(PowAuthEvent::userId, PowAuthEvent::actorId, PowAuthEvent::realm,
				PowAuthEvent::clientAddress, PowAuthEvent::userAgent)
			.containsExactly(userId, null, "default", "127.0.0.1", USER_AGENT);
		return event;
	}

}
