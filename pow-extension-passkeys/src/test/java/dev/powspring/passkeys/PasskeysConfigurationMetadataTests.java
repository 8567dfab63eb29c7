package dev.powspring.passkeys;

import java.io.IOException;
import java.nio.file.Path;

import dev.powspring.test.metadata.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code pow.passkeys.*} property is described for IDEs and in the README.
 */
class PasskeysConfigurationMetadataTests {

	@Test
	void everyPropertyDescribedInMetadataAndReadme() throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.forPrefix("pow.passkeys.");

		assertThat(metadata.names()).containsExactlyInAnyOrder("pow.passkeys.enabled", "pow.passkeys.rp-id",
				"pow.passkeys.rp-name", "pow.passkeys.origins", "pow.passkeys.challenge-ttl",
				"pow.passkeys.user-verification", "pow.passkeys.sign-in-per-address.max",
				"pow.passkeys.sign-in-per-address.window", "pow.passkeys.sign-in-per-address.lockout",
				"pow.passkeys.sign-in-per-credential.max", "pow.passkeys.sign-in-per-credential.window",
				"pow.passkeys.sign-in-per-credential.lockout");
		metadata.assertEveryPropertyDescribed();
		metadata.assertDefaultsMatch(new PasskeysProperties(), "pow.passkeys.");
		metadata.assertEveryPropertyIn(Path.of("..", "README.md"));
	}

}
