package dev.powspring.magiclink;

import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowConfigurationException;
import dev.powspring.user.PasswordlessSignIn;
import dev.powspring.user.PowUsersService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Magic links' auto-configuration: each bean an application may replace backs off for the
 * application's own; it is off with pow.magic-link.enabled=false; it makes passwords
 * optional only when told to; and it refuses to start when users have no email. Concrete
 * classes an application would subclass stand in as Mockito mocks, which are such
 * subclasses.
 */
class MagicLinkAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = runner(true);

	static Stream<Arguments> replaceableBeans() {
		return Stream.of(Arguments.of(MagicLinkTokens.class, (Supplier<?>) () -> mock(MagicLinkTokens.class)),
				Arguments.of(MagicLinkMessages.class, (Supplier<?>) () -> mock(MagicLinkMessages.class)),
				Arguments.of(MagicLinkMails.class, (Supplier<?>) () -> mock(MagicLinkMails.class)),
				Arguments.of(MagicLinkRequests.class, (Supplier<?>) () -> mock(MagicLinkRequests.class)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("replaceableBeans")
	@SuppressWarnings("unchecked")
	<T> void applicationBeanThenTheOnlyOneOfItsType(Class<T> type, Supplier<?> bean) {
		this.contextRunner.withBean("applicationsOwn", type, (Supplier<T>) bean).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(type)).containsOnlyKeys("applicationsOwn");
		});
	}

	@Test
	void defaultsThenItsBeansExistAndPasswordsStayRequired() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(MagicLinkTokens.class)
			.hasSingleBean(MagicLinkController.class)
			.hasBean("powMagicLinkThrottle")
			.doesNotHaveBean(PasswordlessSignIn.class));
	}

	@Test
	void passwordOptionalThenPasswordlessSignIn() {
		this.contextRunner.withPropertyValues("pow.magic-link.password-optional=true")
			.run((context) -> assertThat(context.getBean(PasswordlessSignIn.class).passwordOptional()).isTrue());
	}

	@Test
	void passwordOptionalAndApplicationsOwnThenTheApplicationsOwn() {
		this.contextRunner.withPropertyValues("pow.magic-link.password-optional=true")
			.withBean("applicationsOwn", PasswordlessSignIn.class, () -> () -> false)
			.run((context) -> assertThat(context.getBeansOfType(PasswordlessSignIn.class))
				.containsOnlyKeys("applicationsOwn"));
	}

	@Test
	void disabledThenOff() {
		this.contextRunner.withPropertyValues("pow.magic-link.enabled=false", "pow.magic-link.password-optional=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MagicLinkTokens.class)
				.doesNotHaveBean(MagicLinkController.class)
				.doesNotHaveBean(PasswordlessSignIn.class));
	}

	@Test
	void usersWithoutEmailThenRefusesToStart() {
		runner(false).withPropertyValues("pow.user-id-field=username").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(PowConfigurationException.class)
				.hasMessageContaining("Magic links are mailed to the user's email")
				.hasMessageContaining("pow.magic-link.enabled=false");
		});
	}

	private static WebApplicationContextRunner runner(boolean storesEmails) {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class,
					ThymeleafAutoConfiguration.class, PowAutoConfiguration.class, MagicLinkAutoConfiguration.class))
			.withBean(PowUsersService.class, () -> {
				PowUsersService users = mock(PowUsersService.class,
						Mockito.withSettings().defaultAnswer(Mockito.CALLS_REAL_METHODS));
				when(users.storesEmails()).thenReturn(storesEmails);
				return users;
			})
			.withBean(JdbcClient.class, () -> JdbcClient.create(new SimpleDriverDataSource()));
	}

}
