package dev.powspring.sample;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on its embedded defaults starts with warnings only about the settings that
 * are really weak there: no secret key, the development mailbox, no base URL. Nothing from
 * Flyway (no out-of-order mode, an H2 it is verified with) or anything else.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupWarningsTests {

	@Test
	void embeddedDefaultsThenOnlyWarningsAboutItsWeakSettings(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.properties("server.port=0", "spring.datasource.url=jdbc:h2:mem:startup-warnings;DB_CLOSE_DELAY=-1")
			.run()) {
			List<String> warnings = Arrays.stream(output.getAll().split("\\R"))
				.filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
				.toList();

			assertThat(warnings).hasSize(3)
				.anySatisfy((line) -> assertThat(line).contains("pow.secret-key is not set"))
				.anySatisfy((line) -> assertThat(line).contains("pow.mailbox.enabled is true"))
				.anySatisfy((line) -> assertThat(line).contains("pow.base-url is not set"));
		}
	}

}
