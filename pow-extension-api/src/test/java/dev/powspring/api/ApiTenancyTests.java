package dev.powspring.api;

import java.util.Map;

import dev.powspring.api.ApiClient.Pair;
import dev.powspring.tenant.PowTenantContext;
import dev.powspring.test.web.Browser;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API tokens and remember-me in a multitenant application: each works at the tenant that
 * issued it only, even for a user with the same email at another tenant.
 */
@TestPropertySource(properties = { "pow.tenancy.mode=column", "pow.tenancy.resolver=header",
		"pow.tenancy.tenants=acme,globex" })
class ApiTenancyTests extends ApiTestSupport {

	private static final String TENANT_HEADER = "X-Pow-Tenant";

	@Test
	void apiTokensOfOneTenantAreRefusedAtAnother() {
		create("acme");
		create("globex");
		ApiClient acme = this.api.withHeader(TENANT_HEADER, "acme");
		ApiClient globex = this.api.withHeader(TENANT_HEADER, "globex");

		Pair pair = acme.signIn("jane@example.com", "secret1234");

		assertThat(acme.get("/api/v1/notes", pair.accessToken()).status()).isEqualTo(200);
		assertThat(globex.get("/api/v1/notes", pair.accessToken()).status()).isEqualTo(401);
		assertThat(globex.post("/api/v1/session/renew", pair.renewalToken()).status()).isEqualTo(401);
		assertThat(acme.post("/api/v1/session/renew", pair.renewalToken()).status()).as("still valid at acme")
			.isEqualTo(200);
	}

	@Test
	void rememberMeOfOneTenantIsAnonymousAtAnother() {
		create("acme");
		create("globex");
		Browser acme = new Browser(this.port).header(TENANT_HEADER, "acme");
		acme.submit(acme.get("/session/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "persistent_session", "true"));
		String rememberMe = acme.cookie("persistent_session").orElseThrow().getValue();

		Browser globex = new Browser(this.port).header(TENANT_HEADER, "globex");
		globex.setCookie("persistent_session", rememberMe);
		Browser acmeAgain = new Browser(this.port).header(TENANT_HEADER, "acme");
		acmeAgain.setCookie("persistent_session", rememberMe);

		assertThat(globex.get("/notes").status()).isEqualTo(302);
		assertThat(acmeAgain.get("/notes").status()).isEqualTo(200);
	}

	private void create(String tenant) {
		PowTenantContext.runAs(tenant, () -> existingUser("jane@example.com", "secret1234"));
	}

}
