package dev.powspring.persistentsession;

import java.io.IOException;
import java.nio.file.Path;

import dev.powspring.test.metadata.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code pow.persistent-session.*} property is described for IDEs and in the README.
 */
class PersistentSessionConfigurationMetadataTests {

	@Test
	void everyPropertyDescribedInMetadataAndReadme() throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.forPrefix("pow.persistent-session.");

		assertThat(metadata.names()).containsExactlyInAnyOrder("pow.persistent-session.enabled",
				"pow.persistent-session.cookie-name", "pow.persistent-session.cookie-domain",
				"pow.persistent-session.cookie-path", "pow.persistent-session.cookie-same-site",
				"pow.persistent-session.ttl", "pow.persistent-session.rotation-grace");
		metadata.assertEveryPropertyDescribed();
		metadata.assertDefaultsMatch(new PersistentSessionProperties(), "pow.persistent-session.");
		metadata.assertEveryPropertyIn(Path.of("..", "README.md"));
	}

}
