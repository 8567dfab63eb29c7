package dev.powspring.autoconfigure;

import dev.powspring.nearcache.PowNearCache;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.store.PowStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the near cache can and cannot be had: none for the memory store, and a clear
 * startup failure for a database without LISTEN/NOTIFY or an application without
 * Caffeine. Its behaviour on PostgreSQL and Redis is in the store tests.
 */
class PowNearCacheConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class,
				DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				JdbcClientAutoConfiguration.class, PowAutoConfiguration.class))
		.withPropertyValues("pow.store.near-cache.enabled=true");

	@Test
	void memoryStoreThenNoNearCache() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(PowStore.class).isInstanceOf(InMemoryPowStore.class);
			assertThat(context).doesNotHaveBean(PowNearCache.class);
		});
	}

	@Test
	void jdbcStoreOnADatabaseOtherThanPostgresThenStartupFailsSayingSo() {
		this.runner
			.withPropertyValues("pow.store.type=jdbc", "spring.datasource.url=jdbc:h2:mem:near-cache;DB_CLOSE_DELAY=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pow.store.near-cache.enabled with the jdbc store needs PostgreSQL"));
	}

	@Test
	void withoutCaffeineThenStartupFailsNamingTheDependency() {
		this.runner
			.withPropertyValues("pow.store.type=jdbc", "spring.datasource.url=jdbc:h2:mem:no-caffeine;DB_CLOSE_DELAY=-1")
			.withClassLoader(new FilteredClassLoader("com.github.benmanes.caffeine"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("com.github.ben-manes.caffeine:caffeine"));
	}

}
