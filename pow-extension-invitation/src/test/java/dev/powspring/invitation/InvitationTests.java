package dev.powspring.invitation;

import java.time.Duration;
import java.util.Map;

import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inviting and accepting over PostgreSQL and a real SMTP server, with email confirmation
 * on.
 */
class InvitationTests extends InvitationTestSupport {

	@Test
	void inviteThenMailNamesInviterAndAcceptingSignsTheInvitedUserIn() throws Exception {
		Browser.Page invited = invite(this.inviter, "joe@example.com");

		assertThat(invited.location()).endsWith("/invitations/new");
		assertThat(this.inviter.follow(invited).text(".pow-flash-info")).isEqualTo("An e-mail with invitation link has been sent.");
		ReceivedMail mail = invitationTo("joe@example.com");
		assertThat(mail.text()).contains("jane@example.com has invited you.");
		assertThat(signIn(browser(), "joe@example.com", "").status()).as("no password yet").isEqualTo(200);

		Browser joe = browser();
		Browser.Page accepted = accept(joe, acceptPath(mail), "joe@example.com", "secret1234");

		assertThat(accepted.status()).isEqualTo(302);
		assertThat(accepted.location()).matches("(https?://localhost:\\d+)?/");
		assertThat(joe.get("/notes").body()).as("invited users count as confirmed").isEqualTo("notes of joe@example.com");
		assertThat(signIn(browser(), "joe@example.com", "secret1234").status()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT invited_by_id = (SELECT id FROM users WHERE email = 'jane@example.com') "
				+ "AND invitation_accepted_at IS NOT NULL FROM users WHERE email = 'joe@example.com'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void acceptWhenLinkAcceptedExpiredOrTamperedThenInvalidInvitation() {
		invite(this.inviter, "joe@example.com");
		String used = acceptPath(invitationTo("joe@example.com"));
		accept(browser(), used, "joe@example.com", "secret1234");
		invite(this.inviter, "ann@example.com");
		String expired = acceptPath(invitationTo("ann@example.com"));
		this.clock.advance(Duration.ofDays(7));
		String token = used.substring("/invitations/".length());
		String tampered = "/invitations/" + ((token.charAt(0) == 'A') ? 'B' : 'A') + token.substring(1);

		for (String path : new String[] { used, expired, tampered }) {
			Browser browser = browser();
			Browser.Page answer = browser.get(path);
			assertThat(answer.status()).as(path).isEqualTo(302);
			assertThat(browser.follow(answer).text(".pow-flash-error")).isEqualTo("The invitation doesn't exist.");
		}
	}

	@Test
	void inviterLockedThenTheirInvitationsStopWorking() {
		invite(this.inviter, "joe@example.com");
		String path = acceptPath(invitationTo("joe@example.com"));

		this.users.lock(this.users.getByUserId("jane@example.com").orElseThrow(), "spam");

		Browser joe = browser();
		Browser.Page opened = joe.get(path);
		assertThat(opened.status()).isEqualTo(302);
		assertThat(joe.follow(opened).text(".pow-flash-error")).isEqualTo("The invitation doesn't exist.");
		this.users.unlock(this.users.getByUserId("jane@example.com").orElseThrow());
		assertThat(browser().get(path).status()).as("the link works again once the inviter is unlocked")
			.isEqualTo(200);
	}

	@Test
	void acceptWhenPasswordInvalidThenFieldErrorsAndTheLinkStillWorks() {
		invite(this.inviter, "joe@example.com");
		String path = acceptPath(invitationTo("joe@example.com"));
		Browser joe = browser();

		Browser.Page answer = accept(joe, path, "joe@example.com", "short");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("#password-error")).isEqualTo("should be at least 8 character(s)");
		assertThat(accept(joe, path, "joe@example.com", "secret1234").status()).isEqualTo(302);
	}

	@Test
	void acceptWithAnotherEmailThenTheNewAddressMustBeConfirmed() throws Exception {
		invite(this.inviter, "joe@example.com");
		String path = acceptPath(invitationTo("joe@example.com"));
		Browser joe = browser();

		Browser.Page answer = accept(joe, path, "joe.private@example.com", "secret1234");

		assertThat(answer.location()).endsWith("/session/new");
		assertThat(joe.follow(answer).text(".pow-flash-info")).startsWith("You'll need to confirm your e-mail");
		assertThat(joe.cookie("pow_session")).isEmpty();
		mailbox.awaitMail("joe.private@example.com", "Confirm your email address");
	}

	@Test
	void inviteWhenPolicyRefusesThenForbiddenAndNothingStored() {
		Browser guest = signedIn("visitor@guest.example");

		assertThat(guest.get("/invitations/new").status()).isEqualTo(403);
		String csrf = this.inviter.get("/invitations/new").document().select("input[name=_csrf]").attr("value");
		assertThat(guest.post("/invitations", Map.of("userId", "joe@example.com", "_csrf", csrf)).status())
			.isIn(403);
		assertThat(this.users.getByUserId("joe@example.com")).isEmpty();
	}

	@Test
	void inviteWhenAnonymousThenSentToSignIn() {
		assertThat(browser().get("/invitations/new").location()).contains("/session/new");
	}

	@Test
	void inviteWhenAddressHasAnAccountThenLooksSentAndNothingReachesIt() {
		signedIn("joe@example.com");

		Browser.Page answer = invite(this.inviter, "JOE@example.com");

		assertThat(answer.location()).endsWith("/invitations/new");
		assertThat(this.inviter.follow(answer).text(".pow-flash-info")).isEqualTo("An e-mail with invitation link has been sent.");
		invite(this.inviter, "ann@example.com");
		invitationTo("ann@example.com");
		assertThat(mailbox.received()).extracting(ReceivedMail::recipient).containsExactly("ann@example.com");
	}

	@Test
	void resendIssuesANewLinkAndRevokeEndsTheInvitation() {
		invite(this.inviter, "joe@example.com");
		String first = acceptPath(invitationTo("joe@example.com"));
		Browser.Page page = this.inviter.get("/invitations/new");
		assertThat(page.text("[data-test=pending] span")).isEqualTo("joe@example.com");

		this.inviter.submit(page, "[data-test=pending] form:nth-of-type(1)", Map.of());
		String second = acceptPath(invitationTo("joe@example.com"));

		assertThat(browser().get(first).status()).as("the old link").isEqualTo(302);
		assertThat(browser().get(second).status()).isEqualTo(200);
		this.inviter.submit(this.inviter.get("/invitations/new"), "[data-test=pending] form:nth-of-type(2)", Map.of());
		assertThat(browser().get(second).status()).as("after revoking").isEqualTo(302);
		assertThat(this.users.getByUserId("joe@example.com")).isEmpty();
	}

	@Test
	void revokeWhenInvitationIsSomeoneElsesThenRefused() {
		invite(this.inviter, "joe@example.com");
		invitationTo("joe@example.com");
		Long joeId = this.users.getByUserId("joe@example.com").orElseThrow().getId();
		Browser other = signedIn("ann@example.com");
		String csrf = other.get("/invitations/new").document().select("input[name=_csrf]").attr("value");

		Browser.Page answer = other.post("/invitations/" + joeId, Map.of("_method", "delete", "_csrf", csrf));

		assertThat(other.follow(answer).text(".pow-flash-error")).isEqualTo("The invitation doesn't exist.");
		assertThat(this.users.getByUserId("joe@example.com")).isPresent();
	}

	@Test
	void invitationPagesAreNeverCached() {
		invite(this.inviter, "joe@example.com");
		String acceptPath = acceptPath(invitationTo("joe@example.com"));
		String sharePath = acceptPath.replaceFirst("/edit$", "");

		for (Browser.Page page : new Browser.Page[] { this.inviter.get("/invitations/new"), this.inviter.get(sharePath),
				browser().get(acceptPath) }) {
			assertThat(page.status()).as(page.path()).isEqualTo(200);
			assertThat(page.header("Cache-Control")).as(page.path()).hasValue("no-cache, no-store, must-revalidate");
		}
	}

	@Test
	void invitationsPerInviterAreLimited() {
		for (int i = 0; i < 20; i++) {
			assertThat(invite(this.inviter, "guest" + i + "@example.com").status()).isEqualTo(302);
		}

		Browser.Page refused = invite(this.inviter, "one-too-many@example.com");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).hasValue("3600");
		assertThat(this.users.getByUserId("one-too-many@example.com")).isEmpty();
		for (int i = 0; i < 20; i++) {
			invitationTo("guest" + i + "@example.com");
		}
	}

}
