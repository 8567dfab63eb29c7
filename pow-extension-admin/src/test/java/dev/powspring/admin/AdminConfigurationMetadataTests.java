package dev.powspring.admin;

import java.io.IOException;
import java.nio.file.Path;

import dev.powspring.test.metadata.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code pow.admin.console.*} property is described for IDEs and in the README.
 */
class AdminConfigurationMetadataTests {

	@Test
	void everyPropertyDescribedInMetadataAndReadme() throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.forPrefix("pow.admin.console.");

		assertThat(metadata.names()).containsExactlyInAnyOrder("pow.admin.console.enabled", "pow.admin.console.page-size");
		metadata.assertEveryPropertyDescribed();
		metadata.assertDefaultsMatch(new AdminProperties(), "pow.admin.console.");
		metadata.assertEveryPropertyIn(Path.of("..", "README.md"));
	}

}
