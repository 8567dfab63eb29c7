package dev.powspring.testing;

import java.io.IOException;
import java.nio.file.Path;

import dev.powspring.test.metadata.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code pow.test.*} property is described for IDEs and in the README.
 */
class PowTestConfigurationMetadataTests {

	@Test
	void everyPropertyDescribedInMetadataAndReadme() throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.forPrefix("pow.test.");

		assertThat(metadata.names()).containsExactly("pow.test.capture-mail");
		metadata.assertEveryPropertyDescribed();
		metadata.assertEveryPropertyIn(Path.of("..", "README.md"));
	}

}
