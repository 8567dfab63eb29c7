package dev.powspring.admin;

import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.user.PowUsersService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The admin console's auto-configuration: each bean an application may replace backs off for the
 * application's own, and it stays off without Spring JDBC. Concrete classes an application would subclass stand in as
 * Mockito mocks, which are such subclasses.
 */
class AdminAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class, ThymeleafAutoConfiguration.class,
				PowAutoConfiguration.class, AdminAutoConfiguration.class))
		.withBean(PowUsersService.class,
				() -> mock(PowUsersService.class, Mockito.withSettings().defaultAnswer(Mockito.CALLS_REAL_METHODS)))
		.withBean(JdbcClient.class, () -> JdbcClient.create(new SimpleDriverDataSource()))
		.withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(new SimpleDriverDataSource()));

	static Stream<Arguments> replaceableBeans() {
		return Stream.of(replace(AdminUserDirectory.class, () -> mock(AdminUserDirectory.class)),
				replace(AdminUserActions.class, () -> mock(AdminUserActions.class)),
				replace(AdminController.class, () -> mock(AdminController.class)),
				replace(AdminMessages.class, () -> mock(AdminMessages.class)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("replaceableBeans")
	<T> void applicationBeanThenTheOnlyOneOfItsType(Class<T> type, Supplier<T> bean) {
		this.contextRunner.withBean("applicationsOwn", type, bean).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(type)).containsOnlyKeys("applicationsOwn");
		});
	}

	@Test
	void defaultsThenItsBeansExist() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(AdminUserActions.class));
	}

	@Test
	void withoutSpringJdbcThenOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JdbcClient.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AdminUserActions.class));
	}

	@Test
	void pageSizeBelowOneThenStartupFailsSayingWhatToSet() {
		this.contextRunner.withPropertyValues("pow.admin.console.page-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Set pow.admin.console.page-size to 1 or more"));
	}

	private static <T> Arguments replace(Class<T> type, Supplier<T> bean) {
		return Arguments.of(type, bean);
	}

}
