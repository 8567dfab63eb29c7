package dev.powspring.twofactor;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When two-factor sign-in is configured.
 */
class TwoFactorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TwoFactorAutoConfiguration.class));

	@Test
	void disabledThenNothing() {
		this.runner.withPropertyValues("pow.two-factor.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TwoFactorAutoConfiguration.class)
				.doesNotHaveBean(TwoFactorSignInGuard.class));
	}

}
