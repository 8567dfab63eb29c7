package dev.powspring.resetpassword;

import java.time.Duration;
import java.util.Map;

import dev.powspring.resetpassword.testapp.ResetPasswordTestApplication;
import dev.powspring.test.postgres.ProxiedSchema;
import dev.powspring.test.web.Browser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reset flow when the database cannot be reached: a clear 503, never a 500, and the
 * flow works again once the database is back. The application reaches PostgreSQL through
 * a TCP proxy that the test cuts.
 */
class ResetPasswordOutageTests {

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
	void databaseUnreachableThenResetRequestAnswers503AndWorksOnceItIsBack() throws Exception {
		Browser browser = start();
		Browser.Page form = browser.get("/reset-password/new");

		this.database.proxy().cut();
		Browser.Page during = browser.submit(form, "form.pow-form", Map.of("email", "jane@example.com"));
		this.database.proxy().restore();

		assertThat(during.status()).isEqualTo(503);
		// The pool drops the connections the cut broke as requests find them: each such
		// request is a 503 too, until a fresh connection serves one.
		Awaitility.await("the reset form served again")
			.atMost(Duration.ofSeconds(20))
			.until(() -> browser.submit(browser.get("/reset-password/new"), "form.pow-form",
					Map.of("email", "jane@example.com"))
				.status(), (status) -> status == 302);
	}

	private Browser start() {
		this.database = ProxiedSchema.create("ResetPasswordOutageTests");
		this.context = new SpringApplicationBuilder(ResetPasswordTestApplication.class)
			.properties(this.database.datasourcePropertyPairs())
			.properties("server.port=0", "pow.password.pbkdf2-iterations=1",
					// Every attempt while the pool recovers would count towards the reset limit.
					"pow.throttle.enabled=false")
			.run();
		return new Browser(Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port")));
	}

}
