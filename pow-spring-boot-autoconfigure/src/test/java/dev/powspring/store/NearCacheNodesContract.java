package dev.powspring.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import dev.powspring.nearcache.PowNearCache;
import dev.powspring.nearcache.PowNearCacheChannel;
import dev.powspring.test.net.TcpProxy;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.web.Browser;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes with near caches on one store backend: what one node revokes, the other
 * refuses as soon as the invalidation reaches it; with its channel cut a node reads the
 * store instead of its cache, and uses its cache again once the channel heals. Mixed into
 * the store's two-node tests, which then also run with the near cache on.
 */
interface NearCacheNodesContract {

	/**
	 * How long a revocation may take to reach the other node here: generous, since these
	 * tests share the machine with everything else; the benchmarks measure it.
	 */
	Duration PROPAGATION = Duration.ofSeconds(2);

	/**
	 * Entries trusted far longer than {@link #PROPAGATION}, so that only the invalidation
	 * can explain a revocation seen in time.
	 */
	String LONG_STALENESS = "pow.store.near-cache.max-staleness=10m";

	TestSchema schema();

	Map.Entry<String, Integer> backend(TestSchema schema);

	/**
	 * Return the properties of a node, near cache on.
	 */
	String[] properties(TestSchema schema, String host, int port);

	/**
	 * Return a channel whose connection goes to the given host and port, which a test
	 * puts a proxy at.
	 */
	PowNearCacheChannel channelThrough(TestSchema schema, String host, int port);

	/**
	 * Add what turns the near cache on to a node's properties.
	 */
	static String[] withNearCache(String[] properties) {
		return Stream.concat(Arrays.stream(properties),
				Stream.of("pow.store.near-cache.enabled=true", LONG_STALENESS))
			.toArray(String[]::new);
	}

	default TwoNodes nodes() {
		Map.Entry<String, Integer> backend = backend(schema());
		return new TwoNodes(properties(schema(), backend.getKey(), backend.getValue()));
	}

	private static ConditionFactory untilHeard() {
		return Awaitility.await("the other node hears of it").atMost(PROPAGATION).pollInterval(Duration.ofMillis(5));
	}

	private static long hits(TwoNodes nodes) {
		return nodes.a().getBean(PowNearCache.class).stats().hitCount();
	}

	/**
	 * Return another client presenting the same session token to the given node: what is
	 * revoked elsewhere must be refused there, whoever still holds the token.
	 */
	private static Browser sameTokenAt(Browser browser, int port) {
		Browser copy = new Browser(port);
		copy.setCookie("pow_session", browser.cookie("pow_session").orElseThrow().getValue());
		return copy;
	}

	private static Browser signedIn(int port, String email) {
		Browser browser = new Browser(port);
		Browser.Page answer = browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234"));
		assertThat(answer.status()).isEqualTo(302);
		return browser;
	}

	@Test
	default void signOutOnOneNodeIsRefusedOnTheOtherOnceItHears() {
		try (TwoNodes nodes = nodes()) {
			Browser onA = new Browser(nodes.portA());
			AbstractStoreNodesTests.register(onA);
			assertThat(onA.get("/notes").status()).isEqualTo(200);
			long hits = hits(nodes);
			assertThat(onA.get("/notes").status()).isEqualTo(200);
			assertThat(hits(nodes)).as("the session and user came from A's near cache").isGreaterThan(hits);

			Browser tokenOnA = sameTokenAt(onA, nodes.portA());
			assertThat(tokenOnA.get("/notes").status()).isEqualTo(200);

			Browser onB = onA.at(nodes.portB());
			onB.submit(onB.get("/registration/edit"), "header form", Map.of());

			untilHeard().until(() -> tokenOnA.get("/notes").status() == 302);
		}
	}

	@Test
	default void signingOutEverywhereOnOneNodeEndsTheSessionsCachedOnTheOther() {
		try (TwoNodes nodes = nodes()) {
			Browser first = new Browser(nodes.portA());
			AbstractStoreNodesTests.register(first);
			Browser second = signedIn(nodes.portA(), "jane@example.com");
			assertThat(first.get("/notes").status()).isEqualTo(200);
			assertThat(second.get("/notes").status()).isEqualTo(200);
			Browser firstTokenOnA = sameTokenAt(first, nodes.portA());

			Browser firstOnB = first.at(nodes.portB());
			firstOnB.submit(firstOnB.get("/registration/sessions"),
					"form[action$=/registration/sessions]:has(input[value=delete])", Map.of());

			untilHeard().until(() -> second.get("/notes").status() == 302);
			untilHeard().until(() -> firstTokenOnA.get("/notes").status() == 302);
		}
	}

	@Test
	default void withItsChannelCutANodeReadsTheStoreAndUsesItsCacheAgainOnceHealed() throws Exception {
		Map.Entry<String, Integer> backend = backend(schema());
		try (TcpProxy proxy = TcpProxy.start(backend.getKey(), backend.getValue());
				TwoNodes nodes = new TwoNodes(
						(context) -> context.getBeanFactory()
							.registerSingleton("powNearCacheChannel",
									channelThrough(schema(), "127.0.0.1", proxy.port())),
						properties(schema(), backend.getKey(), backend.getValue()))) {
			PowNearCache cacheOfA = nodes.a().getBean(PowNearCache.class);
			Awaitility.await("A's channel up").atMost(Duration.ofSeconds(10)).until(cacheOfA::usable);
			Browser first = new Browser(nodes.portA());
			AbstractStoreNodesTests.register(first);
			assertThat(first.get("/notes").status()).isEqualTo(200);

			Browser firstTokenOnA = sameTokenAt(first, nodes.portA());

			proxy.cut();
			Awaitility.await("A notices").atMost(Duration.ofSeconds(10)).until(() -> !cacheOfA.usable());
			Browser firstOnB = first.at(nodes.portB());
			firstOnB.submit(firstOnB.get("/registration/edit"), "header form", Map.of());

			assertThat(firstTokenOnA.get("/notes").status()).as("refused at once: A reads the store").isEqualTo(302);
			Browser second = signedIn(nodes.portA(), "jane@example.com");
			long hits = hits(nodes);
			assertThat(second.get("/notes").status()).isEqualTo(200);
			assertThat(second.get("/notes").status()).isEqualTo(200);
			assertThat(hits(nodes)).as("no near cache while the channel is down").isEqualTo(hits);

			proxy.restore();
			Awaitility.await("A's channel back").atMost(Duration.ofSeconds(30)).until(cacheOfA::usable);
			assertThat(second.get("/notes").status()).isEqualTo(200);
			assertThat(second.get("/notes").status()).isEqualTo(200);
			assertThat(hits(nodes)).as("the near cache in use again").isGreaterThan(hits);
			Browser secondTokenOnA = sameTokenAt(second, nodes.portA());
			Browser secondOnB = second.at(nodes.portB());
			secondOnB.submit(secondOnB.get("/registration/edit"), "header form", Map.of());
			untilHeard().until(() -> secondTokenOnA.get("/notes").status() == 302);
		}
	}

}
