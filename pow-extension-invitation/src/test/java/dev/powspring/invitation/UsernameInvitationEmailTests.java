package dev.powspring.invitation;

import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When users sign in by user name and the inviter gives an email address, the link is
 * mailed there, and accepting it confirms the address (email confirmation is on).
 */
@TestPropertySource(properties = "pow.user-id-field=username")
class UsernameInvitationEmailTests extends InvitationTestSupport {

	@Test
	void inviteWithAnAddressThenLinkMailedAndAcceptingConfirmsTheAddress() {
		Browser.Page form = this.inviter.get("/invitations/new");
		assertThat(form.document().select("input[name=fields[email]]")).hasSize(1);

		Browser.Page invited = this.inviter.submit(form, "form.pow-form",
				Map.of("userId", "joe", "fields[email]", "Joe@Example.com"));

		assertThat(invited.location()).endsWith("/invitations/new");
		String path = acceptPath(invitationTo("joe@example.com"));
		Browser joe = browser();
		assertThat(accept(joe, path, "joe", "joe-secret-1").status()).isEqualTo(302);
		assertThat(joe.get("/notes").body()).isEqualTo("notes of joe");
		assertThat(this.jdbc.sql("SELECT email_confirmed_at IS NOT NULL FROM users WHERE username = 'joe'")
			.query(Boolean.class)
			.single()).as("the address the invitation went to is confirmed").isTrue();
	}

	@Test
	void inviteWithABadAddressThenFieldErrorAndNobodyInvited() {
		Browser.Page answer = this.inviter.submit(this.inviter.get("/invitations/new"), "form.pow-form",
				Map.of("userId", "joe", "fields[email]", "joe-at-example"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text(".pow-field.pow-invalid .pow-error")).isEqualTo("has invalid format");
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE username = 'joe'").query(Long.class).single())
			.isZero();
	}

}
