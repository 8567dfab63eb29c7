package dev.powspring.test.postgres;

import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every {@link PostgresTest @PostgresTest} class a schema of its own. The customizer
 * is keyed by the test class, so two classes never share a cached context (and so a
 * schema).
 */
class PostgresSchemaContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean annotated = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
			.isPresent(PostgresTest.class);
		return annotated ? new PostgresSchemaContextCustomizer(testClass) : null;
	}

	private static final class PostgresSchemaContextCustomizer implements ContextCustomizer {

		private final Class<?> testClass;

		PostgresSchemaContextCustomizer(Class<?> testClass) {
			this.testClass = testClass;
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestSchema schema = PostgresTestDatabase.get().createSchema(this.testClass.getSimpleName());
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("powTestPostgresSchema", schema.datasourceProperties()));
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> schema.close());
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PostgresSchemaContextCustomizer that && this.testClass == that.testClass;
		}

		@Override
		public int hashCode() {
			return Objects.hashCode(this.testClass);
		}

	}

}
