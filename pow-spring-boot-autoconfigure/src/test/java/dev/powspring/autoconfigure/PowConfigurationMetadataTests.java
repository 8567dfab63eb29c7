package dev.powspring.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;

import dev.powspring.test.metadata.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata IDEs complete {@code pow.*} from, and the README's
 * configuration reference, both cover every core property.
 */
class PowConfigurationMetadataTests {

	@Test
	void metadataDescribesEveryPowProperty() throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.forPrefix("pow.");

		assertThat(metadata.names()).contains("pow.user-id-field", "pow.password.min-length", "pow.secret-key",
				"pow.session.ttl", "pow.mail.rate-limit", "pow.base-url");
		metadata.assertEveryPropertyDescribed();
	}

	@Test
	void metadataDefaultsAreTheCodesDefaults() throws IOException {
		ConfigurationMetadata.forPrefix("pow.").assertDefaultsMatch(new PowProperties(), "pow.");
	}

	@Test
	void readmeDocumentsEveryPowProperty() throws IOException {
		ConfigurationMetadata.forPrefix("pow.").assertEveryPropertyIn(Path.of("..", "README.md"));
	}

}
