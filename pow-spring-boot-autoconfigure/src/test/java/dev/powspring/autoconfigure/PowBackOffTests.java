package dev.powspring.autoconfigure;

import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.powspring.mail.PowMailer;
import dev.powspring.session.PowSessionManager;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.PowUsersService;
import dev.powspring.web.PowMessages;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.controller.RegistrationController;
import dev.powspring.web.controller.SessionController;
import dev.powspring.web.guard.PowAuthErrorHandler;
import dev.powspring.web.guard.SignedInCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Every row of the README's customising table that replaces a bean: the application's
 * bean of that type is the only one, and Pow's default backs off. Concrete classes an
 * application would subclass stand in as Mockito mocks, which are such subclasses.
 */
class PowBackOffTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class, PowAutoConfiguration.class))
		.withBean(PowUsersService.class, PowAutoConfigurationTests.NoUsers::new);

	static Stream<Arguments> replaceableBeans() {
		return Stream.of(replace(PowAuthErrorHandler.class, () -> new PowAuthErrorHandler() {

			@Override
			public void notAuthenticated(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response) {
			}

			@Override
			public void alreadyAuthenticated(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response) {
			}

		}), replace(SignedInCheck.class, () -> (request) -> false),
				replace(PowMailer.class, () -> (mail) -> {
				}), replace(PowMessages.class, () -> new PowMessages(new StaticMessageSource())),
				replace(PowRoutes.class, () -> new PowRoutes()),
				replace(TokenSigner.class, () -> new TokenSigner(new byte[32])),
				replace(SessionController.class, () -> mock(SessionController.class)),
				replace(RegistrationController.class, () -> mock(RegistrationController.class)),
				replace(PowSessionManager.class, () -> mock(PowSessionManager.class)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("replaceableBeans")
	<T> void applicationBeanThenTheOnlyOneOfItsType(Class<T> type, Supplier<T> bean) {
		this.contextRunner.withBean("applicationsOwn", type, bean).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(type)).containsOnlyKeys("applicationsOwn");
		});
	}

	private static <T> Arguments replace(Class<T> type, Supplier<T> bean) {
		return Arguments.of(type, bean);
	}

}
