package dev.powspring.invitation;

import dev.powspring.test.web.Browser;
import dev.powspring.web.PowRoutes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that closed sign-up and moved its sign-in page: invitations still
 * create users, and their redirects follow the application's {@link PowRoutes}.
 */
@TestPropertySource(properties = "pow.registration.enabled=false")
@Import(InvitationWithoutSignUpTests.MovedSignIn.class)
class InvitationWithoutSignUpTests extends InvitationTestSupport {

	@Test
	void signUpClosedThenInvitedUserStillJoins() {
		assertThat(browser().get("/registration/new").status()).isEqualTo(404);
		invite(this.inviter, "joe@example.com");

		Browser joe = browser();
		Browser.Page accepted = accept(joe, acceptPath(invitationTo("joe@example.com")), "joe@example.com",
				"joe-secret-1");

		assertThat(accepted.status()).isEqualTo(302);
		assertThat(this.users.getByUserId("joe@example.com")).isPresent();
		assertThat(joe.cookie("pow_session")).as("signed in").isPresent();
	}

	@Test
	void invalidLinkThenLandsOnTheApplicationsSignInPage() {
		Browser.Page answer = browser().get("/invitations/made-up-token/edit");

		assertThat(answer.location()).endsWith("/welcome-back");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovedSignIn {

		@Bean
		PowRoutes powRoutes() {
			return new PowRoutes() {

				@Override
				public String signInPath() {
					return "/welcome-back";
				}

			};
		}

	}

}
