package dev.powspring.web;

import dev.powspring.test.web.Browser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.powspring.testapp.web.WebTestApplication.SessionCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a session token ages, rotates and fails, with time from the test's clock.
 */
class SessionLifecycleTests extends WebFlowTestSupport {

	@Autowired
	private SessionCounter sessionCounter;

	@Test
	void sessionWhenCookieTamperedThenAnonymous() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");
		String cookie = browser.cookie("pow_session").orElseThrow().getValue();
		String token = cookie.substring(0, cookie.lastIndexOf('.'));
		String signature = cookie.substring(cookie.lastIndexOf('.') + 1);

		browser.setCookie("pow_session", token + "x." + signature);
		assertThat(browser.get("/notes").status()).isEqualTo(302);
		browser.setCookie("pow_session", token);
		assertThat(browser.get("/notes").status()).isEqualTo(302);
		browser.setCookie("pow_session", token + "." + signature.substring(1));
		assertThat(browser.get("/notes").status()).isEqualTo(302);
		browser.setCookie("pow_session", cookie);
		assertThat(browser.get("/notes").status()).isEqualTo(200);
	}

	@Test
	void sessionWhenIdleForTheTtlThenExpired() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(browser.get("/notes").status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(16));

		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void sessionWhenRenewalIntervalPassedThenTokenRotatesAndOldTokenDiesAfterGrace() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");
		String original = browser.cookie("pow_session").orElseThrow().getValue();

		this.clock.advance(Duration.ofMinutes(15));
		Browser.Page rotating = browser.get("/notes");

		assertThat(rotating.status()).isEqualTo(200);
		String rotated = browser.cookie("pow_session").orElseThrow().getValue();
		assertThat(rotated).isNotEqualTo(original);
		Browser straggler = browser();
		straggler.setCookie("pow_session", original);
		assertThat(straggler.get("/notes").status()).as("old token within the grace period").isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(straggler.get("/notes").status()).as("old token after the grace period").isEqualTo(302);
		assertThat(browser.get("/notes").status()).isEqualTo(200);
	}

	@Test
	void sessionWhenRotatedThenActivityKeepsItAliveBeyondTheTtl() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		for (int visit = 0; visit < 6; visit++) {
			this.clock.advance(Duration.ofMinutes(16));
			assertThat(browser.get("/notes").status()).as("visit %d", visit).isEqualTo(200);
		}
	}

	@Test
	void sessionWhenAbsoluteLifetimeReachedThenEndsHoweverActive() {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");

		// A visit every 15 minutes keeps the session from idling out, up to 23:45 hours.
		for (int visit = 1; visit <= 95; visit++) {
			this.clock.advance(Duration.ofMinutes(15));
			assertThat(browser.get("/notes").status()).as("visit %d", visit).isEqualTo(200);
		}
		this.clock.advance(Duration.ofMinutes(15));

		assertThat(browser.get("/notes").status()).as("after 24 hours").isEqualTo(302);
	}

	@Test
	void sessionWhenConcurrentRequestsArriveAtRotationThenAllAuthenticated() throws Exception {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");
		String cookie = browser.cookie("pow_session").orElseThrow().getValue();
		this.clock.advance(Duration.ofMinutes(15));

		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Browser.Page>> answers = new ArrayList<>();
			List<Browser> tabs = new ArrayList<>();
			for (int tab = 0; tab < 8; tab++) {
				Browser tabBrowser = browser();
				tabBrowser.setCookie("pow_session", cookie);
				tabs.add(tabBrowser);
				Callable<Browser.Page> request = () -> {
					start.await();
					return tabBrowser.get("/notes");
				};
				answers.add(executor.submit(request));
			}
			start.countDown();
			for (Future<Browser.Page> answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
			}
			long rotations = tabs.stream()
				.filter((tab) -> !tab.cookie("pow_session").orElseThrow().getValue().equals(cookie))
				.count();
			assertThat(rotations).as("tabs handed a new token").isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void fullFlowNeverCreatesAServletSession() {
		int before = this.sessionCounter.created();
		Browser browser = browser();

		register(browser, "jane@example.com", "secret1234");
		browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "jane@example.com", "currentPassword", "wrong"));
		browser.submit(browser.get("/registration/edit"), "header form", Map.of());
		signIn(browser, "jane@example.com", "wrong-password");
		signIn(browser, "jane@example.com", "secret1234");
		browser.follow(browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "jane@example.com", "currentPassword", "secret1234")));
		browser.submit(browser.get("/registration/edit"), ".pow-danger-zone form",
				Map.of("currentPassword", "secret1234"));

		assertThat(this.sessionCounter.created()).isEqualTo(before);
		assertThat(browser.cookie("JSESSIONID")).isEmpty();
	}

}
