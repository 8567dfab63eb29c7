package dev.powspring.magiclink;

import java.io.IOException;
import java.nio.file.Path;

import dev.powspring.test.metadata.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code pow.magic-link.*} property is described for IDEs and in the README.
 */
class MagicLinkConfigurationMetadataTests {

	@Test
	void everyPropertyDescribedInMetadataAndReadme() throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.forPrefix("pow.magic-link.");

		assertThat(metadata.names()).containsExactlyInAnyOrder("pow.magic-link.enabled", "pow.magic-link.token-ttl",
				"pow.magic-link.password-optional", "pow.magic-link.throttle.per-target.max",
				"pow.magic-link.throttle.per-target.window", "pow.magic-link.throttle.per-target.lockout",
				"pow.magic-link.throttle.per-address.max", "pow.magic-link.throttle.per-address.window",
				"pow.magic-link.throttle.per-address.lockout");
		metadata.assertEveryPropertyDescribed();
		metadata.assertDefaultsMatch(new MagicLinkProperties(), "pow.magic-link.");
		metadata.assertEveryPropertyIn(Path.of("..", "README.md"));
	}

}
