package dev.powspring.resetpassword;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code pow.reset-password.enabled=false} there are no reset routes and no link.
 */
@TestPropertySource(properties = "pow.reset-password.enabled=false")
class ResetPasswordDisabledTests extends ResetPasswordTestSupport {

	@Test
	void routesAndLinkAbsentWhenDisabled() {
		assertThat(browser().get("/reset-password/new").status()).isEqualTo(404);
		assertThat(browser().get("/session/new").document().select("a[href=/reset-password/new]")).isEmpty();
	}

}
