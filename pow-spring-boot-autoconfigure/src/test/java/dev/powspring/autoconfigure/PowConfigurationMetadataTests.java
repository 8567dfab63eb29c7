package dev.powspring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata IDEs complete {@code pow.*} from, and the README's
 * configuration reference, both cover every property.
 */
class PowConfigurationMetadataTests {

	private static List<Map<String, Object>> properties;

	@BeforeAll
	static void readMetadata() throws IOException {
		try (InputStream metadata = PowConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated configuration metadata").isNotNull();
			properties = JsonPath.read(new String(metadata.readAllBytes(), StandardCharsets.UTF_8),
					"$.properties[?(@.name =~ /pow\\..*/)]");
		}
	}

	@Test
	void metadataDescribesEveryPowProperty() {
		assertThat(properties).extracting((property) -> property.get("name"))
			.contains("pow.user-id-field", "pow.password.min-length", "pow.password.max-length",
					"pow.password.algorithm", "pow.password.pbkdf2-iterations", "pow.password.bcrypt-strength");
		assertThat(properties).allSatisfy((property) -> assertThat((String) property.get("description"))
			.as("description of %s", property.get("name"))
			.isNotBlank());
	}

	@Test
	void readmeDocumentsEveryPowProperty() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));

		assertThat(properties).allSatisfy((property) -> assertThat(readme)
			.as("README mentions %s", property.get("name"))
			.contains("`" + property.get("name") + "`"));
	}

}
