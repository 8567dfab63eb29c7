package dev.powspring.passkeys;

import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.migration.PowMigrationLocations;
import dev.powspring.user.PowUsersService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The passkeys auto-configuration: each bean an application may replace backs off for the
 * application's own, it is off with pow.passkeys.enabled=false, and it warns when the
 * relying party must come from requests. Concrete classes an application would subclass
 * stand in as Mockito mocks, which are such subclasses.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasskeysAutoConfigurationTests {

	private static final String WARNING = "Passkeys take their RP ID and origin from each request";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class, ThymeleafAutoConfiguration.class,
				PowAutoConfiguration.class, PasskeysAutoConfiguration.class))
		.withBean(PowUsersService.class,
				() -> mock(PowUsersService.class, Mockito.withSettings().defaultAnswer(Mockito.CALLS_REAL_METHODS)))
		.withBean(JdbcClient.class, () -> JdbcClient.create(new SimpleDriverDataSource()));

	static Stream<Arguments> replaceableBeans() {
		return Stream.of(replace(Passkeys.class, () -> mock(Passkeys.class)),
				replace(PasskeyChallenges.class, () -> mock(PasskeyChallenges.class)),
				replace(PasskeyCredentials.class, () -> mock(PasskeyCredentials.class)),
				replace(PasskeyRelyingParty.class, () -> mock(PasskeyRelyingParty.class)),
				replace(PasskeysMessages.class, () -> mock(PasskeysMessages.class)));
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
	void defaultsThenItsBeansAndMigrationExist() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Passkeys.class).hasSingleBean(PasskeysController.class);
			assertThat(context.getBeansOfType(PowMigrationLocations.class).values())
				.anySatisfy((locations) -> assertThat(locations.locations())
					.containsExactly(PasskeysAutoConfiguration.MIGRATION_LOCATION));
		});
	}

	@Test
	void disabledThenOff() {
		this.contextRunner.withPropertyValues("pow.passkeys.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Passkeys.class)
				.doesNotHaveBean(PasskeySessionController.class));
	}

	@Test
	void neitherBaseUrlNorRpIdThenWarning(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(output).contains(WARNING));
	}

	@Test
	void baseUrlThenNoWarning(CapturedOutput output) {
		this.contextRunner.withPropertyValues("pow.base-url=https://notes.example")
			.run((context) -> assertThat(output).doesNotContain(WARNING));
	}

	@Test
	void rpIdThenNoWarning(CapturedOutput output) {
		this.contextRunner.withPropertyValues("pow.passkeys.rp-id=notes.example")
			.run((context) -> assertThat(output).doesNotContain(WARNING));
	}

	private static <T> Arguments replace(Class<T> type, Supplier<T> bean) {
		return Arguments.of(type, bean);
	}

}
