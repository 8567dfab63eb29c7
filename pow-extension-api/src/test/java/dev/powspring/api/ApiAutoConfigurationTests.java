package dev.powspring.api;

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
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The API's auto-configuration: each bean an application may replace backs off for the
 * application's own, and it is off with pow.api.enabled=false. Concrete classes an application would subclass stand in as
 * Mockito mocks, which are such subclasses.
 */
class ApiAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class, ThymeleafAutoConfiguration.class,
				PowAutoConfiguration.class, ApiAutoConfiguration.class))
		.withBean(PowUsersService.class,
				() -> mock(PowUsersService.class, Mockito.withSettings().defaultAnswer(Mockito.CALLS_REAL_METHODS)))
		.withBean(JdbcClient.class, () -> JdbcClient.create(new SimpleDriverDataSource()));

	static Stream<Arguments> replaceableBeans() {
		return Stream.of(replace(ApiTokens.class, () -> mock(ApiTokens.class)),
				replace(ApiAuthenticator.class, () -> mock(ApiAuthenticator.class)),
				replace(ApiSessionController.class, () -> mock(ApiSessionController.class)),
				replace(ApiRegistrationController.class, () -> mock(ApiRegistrationController.class)),
				replace(ApiTokenDevices.class, () -> mock(ApiTokenDevices.class)),
				replace(ApiDevicesController.class, () -> mock(ApiDevicesController.class)));
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
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ApiTokens.class));
	}

	@Test
	void disabledThenOff() {
		this.contextRunner.withPropertyValues("pow.api.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ApiTokens.class));
	}

	private static <T> Arguments replace(Class<T> type, Supplier<T> bean) {
		return Arguments.of(type, bean);
	}

}
