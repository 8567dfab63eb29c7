package dev.powspring.resetpassword;

import dev.powspring.test.web.Browser;
import dev.powspring.web.PowRoutes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reset flow's redirects go through the application's {@link PowRoutes}: overriding
 * where the sign-in page is reaches them.
 */
@Import(ResetPasswordRoutesTests.CustomRoutes.class)
class ResetPasswordRoutesTests extends ResetPasswordTestSupport {

	@Test
	void signInPathOverriddenThenRequestAndResetLandThere() throws Exception {
		register("jane@example.com", "secret1234");
		Browser browser = browser();

		Browser.Page requested = requestReset(browser, "jane@example.com");
		Browser.Page reset = chooseNewPassword(browser, resetPath(resetMailTo("jane@example.com")), "new-secret-99",
				"new-secret-99");

		assertThat(requested.location()).endsWith("/welcome-back");
		assertThat(reset.location()).endsWith("/welcome-back");
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

			};
		}

	}

}
