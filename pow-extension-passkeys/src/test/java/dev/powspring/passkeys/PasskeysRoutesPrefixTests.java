package dev.powspring.passkeys;

import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys under a routes prefix: pages, options and forms all live below it.
 */
@TestPropertySource(properties = "pow.routes.prefix=/auth")
class PasskeysRoutesPrefixTests extends PasskeysTestSupport {

	@Test
	void registerThenSignInUnderThePrefix() {
		assertMainFlow();
	}

	@Test
	void pagesLinkBelowThePrefix() {
		register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		assertThat(account.get(path("/registration/edit")).document().select(".pow-passkeys-section a").attr("href"))
			.isEqualTo("/auth/registration/passkeys");
		Browser.Page page = account.get("/auth/registration/passkeys");
		assertThat(page.document().select("#pow-passkey-add").attr("action")).isEqualTo("/auth/registration/passkeys");
		assertThat(page.document().select("#pow-passkey-add").attr("data-options-url"))
			.isEqualTo("/auth/registration/passkeys/options");
		assertThat(account.get("/registration/passkeys").status()).isEqualTo(404);
		Browser.Page removed = account.post("/auth/registration/passkeys/1",
				Map.of("_method", "delete", "_csrf", csrf(page)));
		assertThat(removed.location()).endsWith("/auth/registration/passkeys");
	}

}
