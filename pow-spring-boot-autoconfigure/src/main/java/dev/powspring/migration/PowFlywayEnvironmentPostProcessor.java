package dev.powspring.migration;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Leaves the application's own Flyway off while the application has no migrations of its
 * own (nothing under {@code db/migration} and no {@code spring.flyway.*} location or switch
 * set): Flyway would only warn that it found none, and Pow migrates its tables by itself.
 * The application's first migration switches it on again.
 */
public class PowFlywayEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** Name of the property source that switches the application's Flyway off. */
	public static final String PROPERTY_SOURCE_NAME = "powFlywayWithoutMigrations";

	private static final String DEFAULT_LOCATION = "classpath*:db/migration/**/*";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ClassLoader classLoader = application.getClassLoader();
		if (!ClassUtils.isPresent("org.flywaydb.core.Flyway", classLoader)
				|| environment.containsProperty("spring.flyway.enabled")
				|| environment.containsProperty("spring.flyway.locations")
				|| environment.containsProperty("spring.flyway.url") || hasMigrations(classLoader)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("spring.flyway.enabled", "false")));
	}

	private static boolean hasMigrations(ClassLoader classLoader) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver(classLoader).getResources(DEFAULT_LOCATION);
			return Arrays.stream(resources).anyMatch((resource) -> resource.isReadable()
					&& resource.getFilename() != null && !resource.getFilename().isEmpty());
		}
		catch (IOException ex) {
			// When the classpath cannot be searched, leave Flyway as the application has it.
			return true;
		}
	}

}
