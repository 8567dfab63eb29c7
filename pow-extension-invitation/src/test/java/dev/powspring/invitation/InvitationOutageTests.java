package dev.powspring.invitation;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import dev.powspring.invitation.testapp.InvitationTestApplication;
import dev.powspring.test.postgres.ProxiedSchema;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inviting while the database cannot be reached: a clear 503, never a 500, and inviting
 * works again once the database is back. The application reaches PostgreSQL through a TCP
 * proxy that the test cuts.
 */
class InvitationOutageTests {

	private ProxiedSchema database;

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void databaseUnreachableThenInviteAnswers503AndWorksOnceItIsBack() {
		Browser inviter = startSignedIn("jane@example.com");
		Browser.Page form = inviter.get("/invitations/new");

		this.database.proxy().cut();
		Browser.Page during = inviter.submit(form, "form.pow-form", Map.of("userId", "joe@example.com"));
		restore();

		assertThat(during.status()).isEqualTo(503);
		// The pool drops the connections the cut broke as requests find them: each such
		// request is a 503, the form's as well as the invitation's, until a fresh
		// connection serves one.
		Awaitility.await("inviting again")
			.atMost(Duration.ofSeconds(20))
			.until(() -> submitWhenShown(inviter, "/invitations/new", Map.of("userId", "joe@example.com")),
					(status) -> status == 302);
	}

	// The status of the form page when it is not shown, else that of submitting it.
	private static int submitWhenShown(Browser browser, String path, Map<String, String> values) {
		Browser.Page page = browser.get(path);
		return (page.status() != 200) ? page.status() : browser.submit(page, "form.pow-form", values).status();
	}

	private void restore() {
		try {
			this.database.proxy().restore();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Browser startSignedIn(String email) {
		this.database = ProxiedSchema.create("InvitationOutageTests");
		this.context = new SpringApplicationBuilder(InvitationTestApplication.class)
			.properties(this.database.datasourcePropertyPairs())
			.properties("server.port=0", "pow.password.pbkdf2-iterations=1", "pow.throttle.enabled=false")
			.run();
		assertThat(this.context.getBean(PowUsersService.class)
			.create(new UserParams(email, "secret1234", "secret1234"))
			.succeeded()).isTrue();
		this.context.getBean(JdbcClient.class)
			.sql("UPDATE users SET email_confirmed_at = now() WHERE email = ?")
			.param(email)
			.update();
		Browser browser = new Browser(Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port")));
		assertThat(browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234"))
			.status()).isEqualTo(302);
		return browser;
	}

}
