package dev.powspring.twofactor;

import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under a routes prefix, every two-factor page and redirect carries it.
 */
@TestPropertySource(properties = "pow.routes.prefix=/auth")
class TwoFactorRoutesPrefixTests extends TwoFactorTestSupport {

	@Test
	void enrolAndSignInUnderPrefix() {
		register(EMAIL, PASSWORD);
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		assertThat(browser.get("/auth/registration/edit").document().select(".pow-two-factor-section a").attr("href"))
			.isEqualTo("/auth/registration/two-factor");
		Enrolment enrolment = enrol(browser, PASSWORD);
		Browser other = browser();

		Browser.Page password = signIn(other, EMAIL, PASSWORD);
		assertThat(password.location()).endsWith("/auth/two-factor/new");
		Browser.Page codePage = other.get("/auth/two-factor/new");
		assertThat(codePage.document().select("form.pow-form").attr("action")).isEqualTo("/auth/two-factor");
		Browser.Page signedIn = other.submit(codePage, "form.pow-form", Map.of("code", code(enrolment.secret())));

		assertThat(signedIn.location()).isEqualTo(home());
		assertThat(other.get("/notes").status()).isEqualTo(200);
		assertThat(browser().get("/two-factor/new").status()).as("nothing outside the prefix").isEqualTo(404);
	}

	@Override
	protected String path(String path) {
		return "/auth" + path;
	}

}
