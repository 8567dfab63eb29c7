package dev.powspring.store;

import java.time.Duration;
import java.util.Map;

import dev.powspring.test.net.TcpProxy;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.web.Browser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes sharing one store backend, and one node losing it: what every store that spans
 * nodes must do. Subclasses say how to point the nodes at their backend.
 */
abstract class AbstractStoreNodesTests {

	private TestSchema schema;

	@BeforeEach
	void createSchema() {
		this.schema = PostgresTestDatabase.get().createSchema(getClass().getSimpleName());
	}

	@AfterEach
	void dropSchema() {
		this.schema.close();
	}

	/**
	 * Return this test's schema.
	 * @return the schema
	 */
	public TestSchema schema() {
		return this.schema;
	}

	/**
	 * Return where the backend listens.
	 * @return host and port
	 */
	public abstract Map.Entry<String, Integer> backend(TestSchema schema);

	/**
	 * Return the properties that point a node at the backend listening on the given host
	 * and port.
	 */
	public abstract String[] properties(TestSchema schema, String host, int port);

	@Test
	void sessionsAreSharedByBothNodesAndSurviveARestart() {
		Map.Entry<String, Integer> backend = backend(this.schema);
		try (TwoNodes nodes = new TwoNodes(properties(this.schema, backend.getKey(), backend.getValue()))) {
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
			assertThat(onA.at(nodes.portA()).get("/notes").status()).as("after A restarted").isEqualTo(200);

			onB.submit(onB.get("/registration/edit"), "header form", Map.of());
			assertThat(onB.at(nodes.portA()).get("/notes").status()).as("signed out on B, anonymous on A")
				.isEqualTo(302);
		}
	}

	@Test
	void backendUnreachableThenClear503AndServiceResumesWhenItReturns() throws Exception {
		Map.Entry<String, Integer> backend = backend(this.schema);
		try (TcpProxy proxy = TcpProxy.start(backend.getKey(), backend.getValue());
				TwoNodes nodes = new TwoNodes(properties(this.schema, "127.0.0.1", proxy.port()))) {
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

			// Clients reconnect in the background (Lettuce with a backoff), so the service
			// comes back shortly after the backend, not at the same instant.
			Awaitility.await("resumed by itself")
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> browser.get("/notes").status() == 200);
		}
	}

	static void register(Browser browser) {
		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(answer.status()).isEqualTo(302);
	}

}
