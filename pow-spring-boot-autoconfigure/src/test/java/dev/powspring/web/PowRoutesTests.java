package dev.powspring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The prefix Pow's routes are mounted under is a plain path, written however the
 * application writes it, and every route and redirect target of Pow takes it.
 */
class PowRoutesTests {

	@Test
	void prefixWhenWrittenLooselyThenNormalised() {
		PowRoutes routes = new PowRoutes();

		routes.setPrefix(" auth/ ");

		assertThat(routes.prefix()).isEqualTo("/auth");
		assertThat(routes.signInPath()).isEqualTo("/auth/session/new");
		assertThat(routes.accountPath()).isEqualTo("/auth/registration/edit");
		assertThat(routes.path("/reset-password/new")).isEqualTo("/auth/reset-password/new");
	}

	@Test
	void prefixWhenEmptyThenRoutesAtTheRoot() {
		PowRoutes routes = new PowRoutes();

		routes.setPrefix("/");

		assertThat(routes.prefix()).isEmpty();
		assertThat(routes.signInPath()).isEqualTo("/session/new");
	}

	@Test
	void applicationSubclassWhenABeanThenTakesThePrefixFromProperties() {
		new ApplicationContextRunner().withPropertyValues("pow.routes.prefix=/auth")
			.withBean(DashboardRoutes.class)
			.run((context) -> {
				PowRoutes routes = context.getBean(PowRoutes.class);
				assertThat(routes.signInPath()).isEqualTo("/auth/session/new");
				assertThat(routes.afterSignInPath(new MockHttpServletRequest())).isEqualTo("/dashboard");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "/a/../b", "//evil.example", "/a b", "/auth?x=1", "/auth#top", "/./x" })
	void prefixWhenNotAPlainPathThenRefused(String prefix) {
		assertThatIllegalArgumentException().isThrownBy(() -> new PowRoutes().setPrefix(prefix))
			.withMessageContaining("pow.routes.prefix");
	}

	static class DashboardRoutes extends PowRoutes {

		@Override
		public String afterSignInPath(HttpServletRequest request) {
			return "/dashboard";
		}

	}

}
