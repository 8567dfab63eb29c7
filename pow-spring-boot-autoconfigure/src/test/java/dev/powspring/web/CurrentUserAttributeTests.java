package dev.powspring.web;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code pow.current-user-attribute} the application's views find the signed-in
 * user under its own name, while Pow's pages keep reading {@code currentUser}.
 */
@TestPropertySource(properties = "pow.current-user-attribute=member")
@Import(CurrentUserAttributeTests.GreetingController.class)
class CurrentUserAttributeTests extends WebFlowTestSupport {

	@Test
	void viewThenReadsTheUserUnderTheConfiguredName() {
		Browser browser = browser();
		assertThat(browser.get("/greeting").text("#greeting")).isEqualTo("Hello stranger");

		register(browser, "jane@example.com", "secret1234");

		assertThat(browser.get("/greeting").text("#greeting")).isEqualTo("Hello jane@example.com");
		assertThat(browser.get("/registration/edit").text(".pow-whoami")).contains("jane@example.com");
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Controller
	static class GreetingController {

		@GetMapping("/greeting")
		String greeting() {
			return "testapp/greeting";
		}

	}

}
