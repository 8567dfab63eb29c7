package dev.powspring.web;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTPS (here behind a proxy that says so), Pow's cookies carry the {@code __Host-}
 * prefix, so a cookie planted from a sibling subdomain or a plain-HTTP page, which cannot
 * have it, is never read: an attacker cannot sign a victim into the attacker's account.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class HostPrefixedCookiesTests extends WebFlowTestSupport {

	@Test
	void overHttpsEveryCookieIsHostPrefixedAndSecure() {
		Browser browser = browser().header("X-Forwarded-Proto", "https");

		Browser.Page page = browser.get("/session/new");

		assertThat(page.setCookies()).isNotEmpty()
			.allSatisfy((cookie) -> assertThat(cookie).startsWith("__Host-")
				.contains("Secure")
				.contains("Path=/")
				.doesNotContain("Domain"));
	}

	@Test
	void overHttpsAPlantedSessionCookieWithoutThePrefixIsIgnored() {
		Browser attacker = browser();
		register(attacker, "mallory@example.com", "secret1234");
		String attackersSession = attacker.cookie("pow_session").orElseThrow().getValue();
		Browser victim = browser().header("X-Forwarded-Proto", "https");

		victim.setCookie("pow_session", attackersSession);

		assertThat(victim.get("/notes").status()).as("not signed in as the attacker").isEqualTo(302);
		victim.setCookie("__Host-pow_session", attackersSession);
		assertThat(victim.get("/notes").body()).as("the prefixed cookie is the one read")
			.isEqualTo("notes of mallory@example.com");
	}

}
