package dev.powspring.emailconfirmation;

import java.util.Map;

import dev.powspring.test.web.Browser;
import dev.powspring.web.PowRoutes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email confirmation's redirects go through the application's {@link PowRoutes}: the
 * sign-in page and the account page, wherever the application puts them.
 */
@Import(EmailConfirmationRoutesTests.CustomRoutes.class)
class EmailConfirmationRoutesTests extends EmailConfirmationTestSupport {

	@Test
	void unconfirmedSignInAndAnonymousConfirmationThenLandOnTheOverriddenSignInPath() {
		register(browser(), "jane@example.com", "secret1234");
		String link = confirmationPath(confirmationMailTo("jane@example.com"));

		Browser.Page refused = signIn(browser(), "jane@example.com", "secret1234");
		Browser.Page confirmed = confirm(browser(), link);

		assertThat(refused.location()).endsWith("/welcome-back");
		assertThat(confirmed.location()).endsWith("/welcome-back");
	}

	@Test
	void confirmationWhenSignedInThenLandsOnTheOverriddenAccountPath() {
		Browser browser = confirmedUser("jane@example.com", "secret1234");
		Browser.Page changed = browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "jane.doe@example.com", "currentPassword", "secret1234"));
		assertThat(changed.status()).isEqualTo(302);

		Browser.Page confirmed = confirm(browser, confirmationPath(confirmationMailTo("jane.doe@example.com")));

		assertThat(confirmed.location()).endsWith("/my-account");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CustomRoutes {

		@Bean
		PowRoutes powRoutes() {
			return new PowRoutes() {

				@Override
				public String signInPath() {
					return "/welcome-back";
				}

				@Override
				public String accountPath() {
					return "/my-account";
				}

			};
		}

	}

}
