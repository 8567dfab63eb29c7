package dev.powspring.invitation;

import java.io.IOException;
import java.nio.file.Path;

import dev.powspring.test.metadata.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code pow.invitation.*} property is described for IDEs and in the README.
 */
class InvitationConfigurationMetadataTests {

	@Test
	void everyPropertyDescribedInMetadataAndReadme() throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.forPrefix("pow.invitation.");

		assertThat(metadata.names()).containsExactlyInAnyOrder("pow.invitation.enabled", "pow.invitation.token-ttl");
		metadata.assertEveryPropertyDescribed();
		metadata.assertDefaultsMatch(new InvitationProperties(), "pow.invitation.");
		metadata.assertEveryPropertyIn(Path.of("..", "README.md"));
	}

}
