package dev.powspring.web;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session and CSRF cookies carry the configured domain, path and SameSite attribute,
 * and stay HttpOnly.
 */
@TestPropertySource(properties = { "pow.session.cookie-domain=localhost", "pow.session.cookie-same-site=strict",
		"pow.csrf.cookie-same-site=Strict", "pow.csrf.cookie-path=/" })
class CookieOptionsTests extends WebFlowTestSupport {

	@Test
	void sessionCookieThenConfiguredDomainAndSameSite() {
		Browser.Page registered = register(browser(), "jane@example.com", "secret1234");

		assertThat(registered.setCookies()).anySatisfy((cookie) -> assertThat(cookie).startsWith("pow_session=")
			.contains("Domain=localhost")
			.contains("SameSite=Strict")
			.contains("Path=/")
			.contains("HttpOnly"));
	}

	@Test
	void csrfCookieThenConfiguredSameSite() {
		Browser.Page form = browser().get("/session/new");

		assertThat(form.setCookies()).anySatisfy((cookie) -> assertThat(cookie).startsWith("pow_csrf=")
			.contains("SameSite=Strict")
			.doesNotContain("Domain=")
			.contains("HttpOnly"));
	}

}
