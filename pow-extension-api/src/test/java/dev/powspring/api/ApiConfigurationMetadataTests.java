package dev.powspring.api;

import java.io.IOException;
import java.nio.file.Path;

import dev.powspring.test.metadata.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code pow.api.*} property is described for IDEs and in the README.
 */
class ApiConfigurationMetadataTests {

	@Test
	void everyPropertyDescribedInMetadataAndReadme() throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.forPrefix("pow.api.");

		assertThat(metadata.names()).containsExactlyInAnyOrder("pow.api.enabled", "pow.api.path",
				"pow.api.access-token-ttl", "pow.api.renewal-token-ttl", "pow.api.renewal-grace");
		metadata.assertEveryPropertyDescribed();
		metadata.assertDefaultsMatch(new ApiProperties(), "pow.api.");
		metadata.assertEveryPropertyIn(Path.of("..", "README.md"));
	}

}
