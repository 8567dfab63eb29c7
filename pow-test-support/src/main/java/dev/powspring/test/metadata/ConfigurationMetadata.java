package dev.powspring.test.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration properties under a prefix, as the generated
 * {@code META-INF/spring-configuration-metadata.json} files on the classpath describe them.
 */
public final class ConfigurationMetadata {

	private static final String LOCATION = "META-INF/spring-configuration-metadata.json";

	private final List<Map<String, Object>> properties;

	private ConfigurationMetadata(List<Map<String, Object>> properties) {
		this.properties = properties;
	}

	/**
	 * Read the properties whose names start with the prefix.
	 * @param prefix such as {@code pow.reset-password.}
	 * @return the metadata
	 * @throws IOException when a metadata file cannot be read
	 */
	public static ConfigurationMetadata forPrefix(String prefix) throws IOException {
		List<Map<String, Object>> properties = new ArrayList<>();
		for (URL url : Collections.list(ConfigurationMetadata.class.getClassLoader().getResources(LOCATION))) {
			try (InputStream metadata = url.openStream()) {
				List<Map<String, Object>> all = JsonPath.read(new String(metadata.readAllBytes(), StandardCharsets.UTF_8),
						"$.properties[*]");
				all.stream().filter((property) -> ((String) property.get("name")).startsWith(prefix)).forEach(properties::add);
			}
		}
		return new ConfigurationMetadata(properties);
	}

	/**
	 * Return the property names.
	 * @return the names
	 */
	public List<String> names() {
		return this.properties.stream().map((property) -> (String) property.get("name")).toList();
	}

	/**
	 * Assert that every property has a description.
	 */
	public void assertEveryPropertyDescribed() {
		assertThat(this.properties).isNotEmpty();
		assertThat(this.properties).allSatisfy((property) -> assertThat((String) property.get("description"))
			.as("description of %s", property.get("name"))
			.isNotBlank());
	}

	/**
	 * Assert that the README names every property, in backquotes.
	 * @param readme the README's path
	 * @throws IOException when the README cannot be read
	 */
	public void assertEveryPropertyIn(Path readme) throws IOException {
		String text = Files.readString(readme);
		assertThat(names()).allSatisfy((name) -> assertThat(text).as("README mentions %s", name).contains("`" + name + "`"));
	}

}
