package dev.powspring.passkeys;

import dev.powspring.realm.PowRealms;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in a second realm: its pages under the realm's prefix, its passkeys in the
 * tables of the realm's schema, its sign-ins in the realm's sessions.
 */
@TestPropertySource(properties = { "pow.realms.staff.routes.prefix=/staff",
		"pow.realms.staff.schema=${pow.test.schema}_staff" })
class PasskeysRealmTests extends PasskeysTestSupport {

	@Autowired
	private PowRealms realms;

	@Value("${pow.test.schema}_staff")
	private String staffSchema;

	@Override
	protected String path(String route) {
		return "/staff" + route;
	}

	@Test
	void registerThenSignInWithAStaffPasskey() {
		PowUsersService staff = this.realms.getBean("staff", PowUsersService.class);
		Long id = staff.create(new UserParams("ann@example.com", PASSWORD, PASSWORD)).user().getId();
		TestAuthenticator authenticator = addPasskey(signedIn("ann@example.com"), "Desk");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM " + this.staffSchema + ".pow_passkeys WHERE user_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM pow_passkeys").query(Long.class).single())
			.as("none in the members' schema")
			.isZero();

		Browser browser = new Browser(this.port);
		Browser.Page answer = signInWithPasskey(browser, authenticator);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(browser.get("/staff/registration/passkeys").text(".pow-passkey-name")).isEqualTo("Desk");
		assertThat(browser.get("/notes").status()).as("no member session").isEqualTo(302);
	}

}
