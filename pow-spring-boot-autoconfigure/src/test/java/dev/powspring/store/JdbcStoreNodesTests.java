package dev.powspring.store;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.powspring.test.net.TcpProxy;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes sharing the JDBC store on PostgreSQL, and one node losing its database.
 */
class JdbcStoreNodesTests {

	private TestSchema schema;

	@BeforeEach
	void createSchema() {
		this.schema = PostgresTestDatabase.get().createSchema("JdbcStoreNodesTests");
	}

	@AfterEach
	void dropSchema() {
		this.schema.close();
	}

	@Test
	void sessionsAreSharedByBothNodesAndSurviveARestart() {
		try (TwoNodes nodes = new TwoNodes(properties(this.schema.jdbcUrl()))) {
			Browser onA = new Browser(nodes.portA());
			register(onA);
			Browser onB = onA.at(nodes.portB());

			assertThat(onB.get("/notes").body()).as("signed in on A, known on B").isEqualTo("notes of jane@example.com");

			nodes.advance(Duration.ofMinutes(16));
			String before = onA.cookie("pow_session").orElseThrow().getValue();
			assertThat(onA.get("/notes").status()).isEqualTo(200);
			assertThat(onA.cookie("pow_session").orElseThrow().getValue()).as("rotated on A").isNotEqualTo(before);
			nodes.advance(Duration.ofMinutes(1));
			assertThat(onB.get("/notes").status()).as("the rotated token works on B").isEqualTo(200);

			nodes.restartA();
			Browser afterRestart = onA.at(nodes.portA());
			assertThat(afterRestart.get("/notes").status()).as("after A restarted").isEqualTo(200);

			onB.submit(onB.get("/registration/edit"), "header form", Map.of());
			assertThat(onB.at(nodes.portA()).get("/notes").status()).as("signed out on B, anonymous on A")
				.isEqualTo(302);
		}
	}

	@Test
	void databaseUnreachableThenClear503AndServiceResumesWhenItReturns() throws Exception {
		String url = this.schema.jdbcUrl();
		URI uri = URI.create(url.substring("jdbc:".length()));
		try (TcpProxy proxy = TcpProxy.start(uri.getHost(), uri.getPort());
				TwoNodes nodes = new TwoNodes(properties(url.replace(":" + uri.getPort() + "/", ":" + proxy.port() + "/")))) {
			Browser browser = new Browser(nodes.portA());
			register(browser);
			Browser stranger = new Browser(nodes.portA());
			Browser.Page form = stranger.get("/session/new");

			proxy.cut();

			Browser.Page protectedPage = browser.get("/notes");
			assertThat(protectedPage.status()).isEqualTo(503);
			assertThat(protectedPage.body()).doesNotContain("Exception").doesNotContain("at dev.powspring");
			Browser.Page signIn = stranger.submit(form, "form.pow-form",
					Map.of("userId", "jane@example.com", "password", "secret1234"));
			assertThat(signIn.status()).isEqualTo(503);
			assertThat(stranger.cookie("pow_session")).as("no half-done sign-in").isEmpty();

			proxy.restore();

			assertThat(browser.get("/notes").status()).as("resumed by itself").isEqualTo(200);
		}
	}

	private static String[] properties(String jdbcUrl) {
		return new String[] { "spring.datasource.url=" + jdbcUrl, "spring.datasource.username=postgres",
				"spring.datasource.password=", "spring.datasource.hikari.connection-timeout=1000",
				"spring.datasource.hikari.validation-timeout=500", "pow.store.type=jdbc" };
	}

	private static void register(Browser browser) {
		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(answer.status()).isEqualTo(302);
	}

}
