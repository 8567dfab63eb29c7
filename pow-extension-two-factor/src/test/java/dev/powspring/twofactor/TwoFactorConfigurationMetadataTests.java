package dev.powspring.twofactor;

import java.io.IOException;
import java.nio.file.Path;

import dev.powspring.test.metadata.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code pow.two-factor.*} property is described for IDEs and in the README.
 */
class TwoFactorConfigurationMetadataTests {

	@Test
	void everyPropertyDescribedInMetadataAndReadme() throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.forPrefix("pow.two-factor.");

		assertThat(metadata.names()).containsExactlyInAnyOrder("pow.two-factor.enabled", "pow.two-factor.issuer",
				"pow.two-factor.required-roles", "pow.two-factor.pending-ttl", "pow.two-factor.max-attempts",
				"pow.two-factor.code-attempts.max", "pow.two-factor.code-attempts.window",
				"pow.two-factor.code-attempts.lockout", "pow.two-factor.pending-cookie-name",
				"pow.two-factor.remember-device", "pow.two-factor.remember-device-cookie-name",
				"pow.two-factor.encryption-key");
		metadata.assertEveryPropertyDescribed();
		metadata.assertDefaultsMatch(new TwoFactorProperties(), "pow.two-factor.");
		metadata.assertEveryPropertyIn(Path.of("..", "README.md"));
	}

}
