package dev.powspring.autoconfigure;

import dev.powspring.store.JdbcPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jdbc store writes with PostgreSQL's single statements on PostgreSQL, and with the
 * portable ones on any other database.
 */
class PowJdbcStoreConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class,
				DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				JdbcClientAutoConfiguration.class, PowAutoConfiguration.class))
		.withPropertyValues("pow.store.type=jdbc");

	@Test
	void onPostgresThenSingleStatementWrites() {
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("PowJdbcStoreConfigurationTests")) {
			this.runner.withPropertyValues(schema.datasourcePropertyPairs())
				.run((context) -> assertThat(context).getBean(PowStore.class)
					.isInstanceOfSatisfying(JdbcPowStore.class,
							(store) -> assertThat(store.isPostgresUpserts()).isTrue()));
		}
	}

	@Test
	void onAnotherDatabaseThenPortableWrites() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:portable-store;DB_CLOSE_DELAY=-1")
			.run((context) -> assertThat(context).getBean(PowStore.class)
				.isInstanceOfSatisfying(JdbcPowStore.class,
						(store) -> assertThat(store.isPostgresUpserts()).isFalse()));
	}

}
