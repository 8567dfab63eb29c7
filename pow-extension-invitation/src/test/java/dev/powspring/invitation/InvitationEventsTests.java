package dev.powspring.invitation;

import java.util.Map;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.test.web.Browser;
import dev.powspring.testing.RecordedAuthEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth events of invitations, each about the invited user with the inviter as a
 * detail: sent, sent again, revoked, and accepted as one event, though accepting also sets
 * the password and confirms the address.
 */
class InvitationEventsTests extends InvitationTestSupport {

	/** The user agent the tests send, to find in the events. */
	static final String USER_AGENT = "PowEventsTest/1.0 (X11; Linux x86_64)";

	@Autowired
	private RecordedAuthEvents events;

	private Long janeId;

	@BeforeEach
	void forgetEarlierEvents() {
		this.inviter.header("User-Agent", USER_AGENT);
		this.janeId = idOf("jane@example.com");
		this.events.clear();
	}

	@Test
	void inviteThenAcceptPublishesSentThenAcceptedOnceEach() {
		invite(this.inviter, "joe@example.com");
		Long joeId = idOf("joe@example.com");

		PowAuthEvent sent = one(PowAuthEventType.INVITATION_SENT, joeId);
		assertThat(sent.details()).containsExactly(Map.entry("invited_by", this.janeId.toString()));
		assertThat(this.events.types()).containsExactly(PowAuthEventType.INVITATION_SENT);
		String path = acceptPath(invitationTo("joe@example.com"));
		this.events.clear();

		Browser joe = browser().header("User-Agent", USER_AGENT);
		accept(joe, path, "joe@example.com", "secret5678");

		PowAuthEvent accepted = one(PowAuthEventType.INVITATION_ACCEPTED, joeId);
		assertThat(accepted.details()).containsExactly(Map.entry("invited_by", this.janeId.toString()));
		assertThat(this.events.types()).as("the acceptance, then the core's sign-in; no confirmation, no password event")
			.containsExactly(PowAuthEventType.INVITATION_ACCEPTED, PowAuthEventType.SIGNED_IN);
		this.events.assertNoneHolds("://", path.split("/")[2], "secret5678");
	}

	@Test
	void acceptWithAnotherEmailPublishesTheAcceptanceAndTheUnconfirmedSignIn() {
		invite(this.inviter, "joe@example.com");
		Long joeId = idOf("joe@example.com");
		String path = acceptPath(invitationTo("joe@example.com"));
		this.events.clear();

		accept(browser().header("User-Agent", USER_AGENT), path, "joe.private@example.com",
				"secret5678");

		one(PowAuthEventType.INVITATION_ACCEPTED, joeId);
		assertThat(one(PowAuthEventType.SIGN_IN_FAILED, joeId).detail(PowAuthEvent.REASON))
			.isEqualTo(PowAuthEvent.UNCONFIRMED);
		assertThat(this.events.types()).doesNotContain(PowAuthEventType.EMAIL_CONFIRMED, PowAuthEventType.SIGNED_IN);
	}

	@Test
	void resendPublishesSentAgainAndRevokePublishesRevoked() {
		invite(this.inviter, "joe@example.com");
		invitationTo("joe@example.com");
		Long joeId = idOf("joe@example.com");
		this.events.clear();

		this.inviter.submit(this.inviter.get("/invitations/new"), "[data-test=pending] form:nth-of-type(1)", Map.of());
		invitationTo("joe@example.com");

		PowAuthEvent resent = one(PowAuthEventType.INVITATION_SENT, joeId);
		assertThat(resent.details()).containsOnly(Map.entry("invited_by", this.janeId.toString()),
				Map.entry("resend", "true"));
		this.events.clear();

		this.inviter.submit(this.inviter.get("/invitations/new"), "[data-test=pending] form:nth-of-type(2)", Map.of());

		PowAuthEvent revoked = one(PowAuthEventType.INVITATION_REVOKED, joeId);
		assertThat(revoked.details()).containsExactly(Map.entry("invited_by", this.janeId.toString()));
		assertThat(this.events.types()).containsExactly(PowAuthEventType.INVITATION_REVOKED);
	}

	@Test
	void inviteWhenAddressHasAnAccountPublishesNothing() {
		signedIn("joe@example.com");
		this.events.clear();

		invite(this.inviter, "joe@example.com");

		assertThat(this.events.all()).isEmpty();
	}

	private Long idOf(String email) {
		return this.users.getByUserId(email).orElseThrow().getId();
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
