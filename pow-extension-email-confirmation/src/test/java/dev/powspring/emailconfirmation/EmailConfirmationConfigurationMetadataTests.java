package dev.powspring.emailconfirmation;

import java.io.IOException;
import java.nio.file.Path;

import dev.powspring.test.metadata.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code pow.email-confirmation.*} property is described for IDEs and in the README.
 */
class EmailConfirmationConfigurationMetadataTests {

	@Test
	void everyPropertyDescribedInMetadataAndReadme() throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.forPrefix("pow.email-confirmation.");

		assertThat(metadata.names()).containsExactlyInAnyOrder("pow.email-confirmation.enabled",
				"pow.email-confirmation.token-ttl");
		metadata.assertEveryPropertyDescribed();
		metadata.assertDefaultsMatch(new EmailConfirmationProperties(), "pow.email-confirmation.");
		metadata.assertEveryPropertyIn(Path.of("..", "README.md"));
	}

}
