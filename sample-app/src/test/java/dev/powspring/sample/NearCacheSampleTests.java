package dev.powspring.sample;

import java.util.Map;

import dev.powspring.nearcache.NearCachedPowStore;
import dev.powspring.nearcache.PowNearCache;
import dev.powspring.store.JdbcPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.test.mail.DevelopmentMailboxPages;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with the database store behind a near cache, as its postgres profile runs:
 * signed-in pages are served from the near cache, and a signed-out session is refused
 * whoever still presents its token.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pow.store.type=jdbc", "pow.store.near-cache.enabled=true" })
class NearCacheSampleTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PowStore store;

	@Autowired
	private PowNearCache nearCache;

	@Test
	void signedInPagesComeFromTheNearCacheAndSigningOutEndsTheSession() {
		assertThat(this.store).isInstanceOfSatisfying(NearCachedPowStore.class,
				(cached) -> assertThat(cached.backend()).isInstanceOf(JdbcPowStore.class));
		Browser browser = new Browser(this.port);
		assertThat(SampleFlows.register(browser, new DevelopmentMailboxPages(this.port), "nina@example.com"))
			.isEqualTo("Welcome, nina@example.com.");
		assertThat(browser.get("/notes").status()).isEqualTo(200);
		long hits = this.nearCache.stats().hitCount();
		assertThat(browser.get("/notes").status()).isEqualTo(200);
		assertThat(this.nearCache.stats().hitCount()).isGreaterThan(hits);

		Browser sameToken = new Browser(this.port);
		sameToken.setCookie("pow_session", browser.cookie("pow_session").orElseThrow().getValue());
		browser.submit(browser.get("/"), "header form", Map.of());

		assertThat(sameToken.get("/notes").status()).as("the signed-out token is refused").isEqualTo(302);
	}

}
