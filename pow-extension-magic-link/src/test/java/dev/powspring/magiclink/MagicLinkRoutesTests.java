package dev.powspring.magiclink;

import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Magic links under {@code pow.routes.prefix=/auth}: the pages, the form actions, the
 * redirects and the link in the mail.
 */
@TestPropertySource(properties = "pow.routes.prefix=/auth")
class MagicLinkRoutesTests extends MagicLinkTestSupport {

	@Override
	protected String prefix() {
		return "/auth";
	}

	@Test
	void flowWorksUnderThePrefix() {
		register("jane@example.com", "secret-1234");
		assertThat(browser().get("/auth/session/new").document().select("a[href=/auth/magic-link/new]").text())
			.isEqualTo("Email me a sign-in link");
		Browser browser = browser();
		Browser.Page form = browser.get("/auth/magic-link/new");
		assertThat(form.document().selectFirst("form.pow-form").attr("action")).isEqualTo("/auth/magic-link");

		Browser.Page requested = requestLink(browser, "jane@example.com");

		assertThat(requested.location()).endsWith("/auth/session/new");
		String link = linkMailTo("jane@example.com").link("/auth/magic-link/");
		assertThat(link).startsWith("http://localhost:" + this.port + "/auth/magic-link/");
		String path = link.substring(link.indexOf("/auth/"));
		Browser.Page page = browser.get(path);
		assertThat(page.document().selectFirst("form.pow-form").attr("action")).isEqualTo(path);
		assertThat(browser.submit(page, "form.pow-form", Map.of()).status()).isEqualTo(302);
		assertThat(browser.get("/notes").status()).isEqualTo(200);
		Browser late = browser();
		assertInvalidLink(late, late.get(path));
	}

}
