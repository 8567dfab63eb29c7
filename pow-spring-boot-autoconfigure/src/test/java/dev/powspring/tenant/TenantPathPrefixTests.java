package dev.powspring.tenant;

import java.util.Map;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.tenancy.TenancyTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants named by the path ({@code /t/acme/...}): Pow's pages, links and redirects stay
 * under the tenant's path, and a session of one tenant is anonymous under another's.
 */
@PostgresTest
@SpringBootTest(classes = TenancyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pow.tenancy.mode=schema", "pow.tenancy.resolver=path", "pow.tenancy.tenants=acme,globex",
				"pow.tenancy.schema-prefix=${pow.test.schema}_t_" })
class TenantPathPrefixTests {

	@LocalServerPort
	int port;

	@Test
	void pagesLinksAndRedirectsStayUnderTheTenantsPath() {
		Browser browser = new Browser(this.port);
		Browser.Page form = browser.get("/t/acme/registration/new");

		assertThat(form.status()).isEqualTo(200);
		assertThat(form.document().select("form.pow-form").attr("action")).isEqualTo("/t/acme/registration");
		assertThat(form.document().select("a[href$=/session/new]").attr("href")).isEqualTo("/t/acme/session/new");

		Browser.Page registered = browser.submit(form, "form.pow-form", Map.of("userId", "jane@example.com",
				"password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(registered.location()).endsWith("/t/acme/");
		assertThat(browser.get("/t/acme/notes").body()).isEqualTo("notes of jane@example.com at acme");

		Browser.Page elsewhere = browser.get("/t/globex/notes");
		assertThat(elsewhere.status()).isEqualTo(302);
		assertThat(elsewhere.location()).contains("/t/globex/session/new");
	}

	@Test
	void pathThatNamesNoKnownTenantGets404() {
		Browser browser = new Browser(this.port);

		assertThat(browser.get("/t/nope/session/new").status()).isEqualTo(404);
		assertThat(browser.get("/session/new").status()).isEqualTo(404);
		assertThat(browser.get("/t/").status()).isEqualTo(404);
	}

}
