package dev.powspring.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many browsers at once against Pow's pages.
 */
class ConcurrencyTests extends WebFlowTestSupport {

	private static final int BROWSERS = 50;

	@Test
	void fiftyParallelRegistrationsOfOneEmailGiveOneUser() throws Exception {
		List<Browser> browsers = new ArrayList<>();
		List<Browser.Page> forms = new ArrayList<>();
		for (int i = 0; i < BROWSERS; i++) {
			Browser browser = browser();
			browsers.add(browser);
			forms.add(browser.get("/registration/new"));
		}
		ExecutorService executor = Executors.newFixedThreadPool(BROWSERS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Browser.Page>> answers = new ArrayList<>();
			for (int i = 0; i < BROWSERS; i++) {
				Browser browser = browsers.get(i);
				Browser.Page form = forms.get(i);
				String email = (i % 2 == 0) ? "jane@example.com" : "JANE@example.com".toUpperCase(Locale.ROOT);
				answers.add(executor.submit(() -> {
					start.await();
					return browser.submit(form, "form.pow-form",
							Map.of("userId", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Browser.Page> answer : answers) {
				Browser.Page page = answer.get(60, TimeUnit.SECONDS);
				statuses.add(page.status());
				if (page.status() == 200) {
					assertThat(page.text("#userId-error")).isEqualTo("has already been taken");
				}
			}

			assertThat(statuses).filteredOn((status) -> status == 302).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(BROWSERS - 1);
			assertThat(userCount()).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void parallelRequestsDuringRotationAllSucceed() throws Exception {
		Browser browser = browser();
		register(browser, "jane@example.com", "secret1234");
		String cookie = browser.cookie("pow_session").orElseThrow().getValue();
		this.clock.advance(Duration.ofMinutes(15));
		ExecutorService executor = Executors.newFixedThreadPool(BROWSERS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < BROWSERS; i++) {
				Browser tab = browser();
				tab.setCookie("pow_session", cookie);
				answers.add(executor.submit(() -> {
					start.await();
					return tab.get("/notes").status();
				}));
			}
			start.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
