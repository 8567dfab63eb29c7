package dev.powspring.test.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;

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
	 * Assert that the default IDEs show for each property is the one the code has: the
	 * metadata's default, converted to the property's type, equals the property's value on
	 * a freshly created properties object; a property without a default in the metadata
	 * has none in the code either (null, false, or empty).
	 * @param defaults the properties object as created, with the code's defaults
	 * @param prefix the object's prefix, such as {@code pow.}
	 */
	public void assertDefaultsMatch(Object defaults, String prefix) {
		BeanWrapper bean = new BeanWrapperImpl(defaults);
		ConversionService conversion = ApplicationConversionService.getSharedInstance();
		assertThat(this.properties).allSatisfy((property) -> {
			String name = (String) property.get("name");
			String path = Arrays.stream(name.substring(prefix.length()).split("\\."))
				.map(ConfigurationMetadata::camelCase)
				.collect(Collectors.joining("."));
			Object actual = bean.getPropertyValue(path);
			Object documented = property.get("defaultValue");
			if (documented == null) {
				assertThat(actual == null || Boolean.FALSE.equals(actual) || isEmpty(actual))
					.as("%s has the default %s in the code, none in the metadata", name, actual)
					.isTrue();
			}
			else {
				Object converted = conversion.convert(documented, TypeDescriptor.forObject(documented),
						bean.getPropertyTypeDescriptor(path));
				assertThat(converted).as("default of %s in the metadata", name).isEqualTo(actual);
			}
		});
	}

	private static boolean isEmpty(Object value) {
		return (value instanceof Collection<?> collection && collection.isEmpty())
				|| (value instanceof Map<?, ?> map && map.isEmpty())
				|| (value instanceof CharSequence text && text.isEmpty());
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

	// kebab-case to the Java property name: "sign-in-per-account" to "signInPerAccount"
	private static String camelCase(String kebab) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char character : kebab.toCharArray()) {
			if (character == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(character) : character);
				upper = false;
			}
		}
		return camel.toString();
	}

}
