package dev.powspring.resetpassword;

import java.io.IOException;
import java.nio.file.Path;

import dev.powspring.test.metadata.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code pow.reset-password.*} property is described for IDEs and in the README.
 */
class ResetPasswordConfigurationMetadataTests {

	@Test
	void everyPropertyDescribedInMetadataAndReadme() throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.forPrefix("pow.reset-password.");

		assertThat(metadata.names()).containsExactlyInAnyOrder("pow.reset-password.enabled",
				"pow.reset-password.token-ttl");
		metadata.assertEveryPropertyDescribed();
		metadata.assertDefaultsMatch(new ResetPasswordProperties(), "pow.reset-password.");
		metadata.assertEveryPropertyIn(Path.of("..", "README.md"));
	}

}
