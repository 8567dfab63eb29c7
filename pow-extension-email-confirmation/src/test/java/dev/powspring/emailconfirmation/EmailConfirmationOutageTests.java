package dev.powspring.emailconfirmation;

import java.time.Duration;
import java.util.Map;

import dev.powspring.emailconfirmation.testapp.EmailConfirmationTestApplication;
import dev.powspring.test.postgres.ProxiedSchema;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confirming when the database cannot be reached: a clear 503 for the page and for the
 * button, never a 500, and the same link confirms once the database is back. The
 * application reaches PostgreSQL through a TCP proxy that the test cuts.
 */
class EmailConfirmationOutageTests {

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
	void databaseUnreachableThenConfirmationAnswers503AndTheLinkWorksOnceItIsBack() throws Exception {
		Browser browser = start();
		PowUser jane = this.context.getBean(PowUsersService.class)
			.create(new UserParams("jane@example.com", "secret1234", "secret1234"))
			.user();
		EmailConfirmations confirmations = this.context.getBean(EmailConfirmations.class);
		String path = "/confirm-email/" + confirmations.issue(jane.getId());
		Browser.Page page = browser.get(path);
		assertThat(page.status()).isEqualTo(200);

		this.database.proxy().cut();
		Browser.Page shown = browser.get(path);
		Browser.Page pressed = browser.submit(page, "form.pow-form", Map.of());
		this.database.proxy().restore();

		assertThat(shown.status()).isEqualTo(503);
		assertThat(pressed.status()).isEqualTo(503);
		// The pool drops the connections the cut broke as requests find them: each such
		// request is a 503, the page's as well as the button's, until a fresh connection
		// serves one.
		Awaitility.await("the link confirming again")
			.atMost(Duration.ofSeconds(20))
			.until(() -> submitWhenShown(browser, path), (status) -> status == 302);
		assertThat(confirmations.isConfirmed(jane.getId())).isTrue();
	}

	// The status of the confirmation page when it is not shown, else that of pressing its
	// button.
	private static int submitWhenShown(Browser browser, String path) {
		Browser.Page page = browser.get(path);
		return (page.status() != 200) ? page.status() : browser.submit(page, "form.pow-form", Map.of()).status();
	}

	private Browser start() {
		this.database = ProxiedSchema.create("EmailConfirmationOutageTests");
		this.context = new SpringApplicationBuilder(EmailConfirmationTestApplication.class)
			.properties(this.database.datasourcePropertyPairs())
			.properties("server.port=0", "pow.password.pbkdf2-iterations=1", "pow.throttle.enabled=false")
			.run();
		return new Browser(Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port")));
	}

}
