package dev.powspring.testing;

import java.util.Map;

import dev.powspring.password.PowPasswordEncoder;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Cheap password hashing wherever the test kit is on the classpath, which is in tests
 * only: one PBKDF2 iteration and the lowest bcrypt cost, so that creating and signing in
 * users costs microseconds. Settings of the application or the test still win.
 */
public class PowTestEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource(PowPasswordEncoder.TEST_DEFAULTS_PROPERTY_SOURCE,
					Map.of("pow.password.pbkdf2-iterations", "1", "pow.password.bcrypt-strength", "4")));
	}

}
