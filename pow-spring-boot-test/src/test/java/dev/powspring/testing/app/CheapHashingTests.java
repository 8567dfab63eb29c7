package dev.powspring.testing.app;

import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the test kit on the classpath, hashing is cheap, quietly: the warning about weak
 * hashing is for settings of the application's own. A setting of the application wins.
 */
@ExtendWith(OutputCaptureExtension.class)
class CheapHashingTests {

	@Test
	void testKitThenOneIterationAndNoWarning(CapturedOutput output) {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("CheapHashingTests");
				ConfigurableApplicationContext context = start(schema)) {
			assertThat(context.getBean(PowProperties.class).getPassword().getPbkdf2Iterations()).isEqualTo(1);
			assertThat(output).doesNotContain("pow.password.pbkdf2-iterations is");
		}
	}

	@Test
	void applicationSettingThenItWinsAndIsWarnedAbout(CapturedOutput output) {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("CheapHashingTests");
				ConfigurableApplicationContext context = start(schema, "--pow.password.pbkdf2-iterations=1000")) {
			assertThat(context.getBean(PowProperties.class).getPassword().getPbkdf2Iterations()).isEqualTo(1000);
			assertThat(output).contains("pow.password.pbkdf2-iterations is 1000");
		}
	}

	private static ConfigurableApplicationContext start(TestSchema schema, String... arguments) {
		return new SpringApplicationBuilder(NotesApplication.class).web(WebApplicationType.NONE)
			.properties(schema.datasourcePropertyPairs())
			.run(arguments);
	}

}
