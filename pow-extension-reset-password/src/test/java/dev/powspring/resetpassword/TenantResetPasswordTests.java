package dev.powspring.resetpassword;

import dev.powspring.tenant.PowTenantContext;
import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.web.Browser;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password reset in a multitenant application: each tenant's mails link to its own host,
 * and a link works only at the tenant that sent it.
 */
@TestPropertySource(properties = { "pow.tenancy.mode=column", "pow.tenancy.resolver=header",
		"pow.tenancy.tenants=acme,globex", "pow.base-url=https://{tenant}.notes.example" })
class TenantResetPasswordTests extends ResetPasswordTestSupport {

	@Test
	void eachTenantsMailLinksToItsOwnHostAndWorksThereOnly() {
		create("acme", "jane@example.com");
		create("globex", "joe@example.com");

		requestReset(browser("acme"), "jane@example.com");
		ReceivedMail acme = resetMailTo("jane@example.com");
		requestReset(browser("globex"), "joe@example.com");
		ReceivedMail globex = resetMailTo("joe@example.com");

		assertThat(acme.link("/reset-password/")).startsWith("https://acme.notes.example/reset-password/");
		assertThat(globex.link("/reset-password/")).startsWith("https://globex.notes.example/reset-password/");
		Browser.Page elsewhere = browser("globex").get(resetPath(acme));
		assertThat(elsewhere.status()).as("acme's link at globex").isEqualTo(302);
		assertThat(browser("acme").get(resetPath(acme)).status()).isEqualTo(200);
	}

	@Test
	void resetRequestForAUserOfAnotherTenantSendsNothing() {
		create("acme", "jane@example.com");

		Browser.Page answer = requestReset(browser("globex"), "jane@example.com");
		requestReset(browser("acme"), "jane@example.com");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(resetMailTo("jane@example.com").link("/reset-password/"))
			.as("the only mail is the one asked for at acme")
			.startsWith("https://acme.notes.example/");
		assertThat(mailbox.received()).hasSize(1);
	}

	private Browser browser(String tenant) {
		return browser().header("X-Pow-Tenant", tenant);
	}

	private void create(String tenant, String email) {
		PowTenantContext.runAs(tenant,
				() -> assertThat(this.users.create(new UserParams(email, "old-secret-1", "old-secret-1")).succeeded())
					.isTrue());
	}

}
