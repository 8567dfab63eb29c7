package dev.powspring.api;

import java.time.Clock;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowConfigurationException;
import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.device.PowDevices;
import dev.powspring.emailconfirmation.EmailConfirmationReminder;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.magiclink.MagicLinkRequests;
import dev.powspring.messages.PowMessageBundle;
import dev.powspring.passkeys.Passkeys;
import dev.powspring.resetpassword.ResetPasswordRequests;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.PowSessions;
import dev.powspring.session.RenewalTokens;
import dev.powspring.session.SessionsRevokedEvent;
import dev.powspring.store.PowStore;
import dev.powspring.store.PrincipalIndexedPowStore;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.PowUsersService;
import dev.powspring.twofactor.TwoFactorChallenges;
import dev.powspring.twofactor.TwoFactorPendingSignIns;
import dev.powspring.web.PowRoutes;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * of API tokens: on when this module is on the classpath, off with
 * {@code pow.api.enabled=false}.
 */
@AutoConfiguration(after = PowAutoConfiguration.class,
		afterName = { "dev.powspring.resetpassword.ResetPasswordAutoConfiguration",
				"dev.powspring.magiclink.MagicLinkAutoConfiguration",
				"dev.powspring.passkeys.PasskeysAutoConfiguration",
				"dev.powspring.emailconfirmation.EmailConfirmationAutoConfiguration",
				"dev.powspring.twofactor.TwoFactorAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "pow.api.enabled", matchIfMissing = true)
@ConditionalOnBean({ PowUsersService.class, PowSessionManager.class })
@EnableConfigurationProperties(ApiProperties.class)
public class ApiAutoConfiguration {

	/** Basename of the extension's message bundle. */
	public static final String MESSAGES_BASENAME = "dev/powspring/api/messages";

	/** Store namespace and signature purpose of access tokens. */
	static final String ACCESS = "api_access";

	/** Store namespace and signature purpose of renewal tokens. */
	static final String RENEWAL = "api_renewal";

	@Bean
	static PowMessageBundle powApiMessageBundle() {
		return new PowMessageBundle(MESSAGES_BASENAME);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiTokens powApiTokens(PowStore store, TokenSigner signer, Clock clock, ApiProperties properties,
			PowProperties powProperties) {
		if (!(store instanceof PrincipalIndexedPowStore indexed)) {
			throw new PowConfigurationException("API tokens are revoked per user, which needs a store that indexes "
					+ "entries by user (a PrincipalIndexedPowStore); " + store.getClass().getName() + " does not.",
					"Use such a store, such as Pow's own, or set pow.api.enabled=false.");
		}
		PowSessions access = new PowSessions(indexed, signer, clock, new PowSessions.Settings(ACCESS, ACCESS,
				properties.getAccessTokenTtl(), null, properties.getRenewalGrace(),
				powProperties.getSession().getAbsoluteTtl()));
		RenewalTokens renewal = new RenewalTokens(indexed, signer, clock, RENEWAL, RENEWAL,
				properties.getRenewalTokenTtl(), properties.getRenewalGrace());
		return new ApiTokens(access, renewal, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiAuthenticator powApiAuthenticator(ApiTokens tokens, ApiProperties properties, PowRoutes routes) {
		return new ApiAuthenticator(tokens, routes.path(properties.getPath()));
	}

	@Bean
	@ConditionalOnMissingBean
	ApiTokenDevices powApiTokenDevices(ApiTokens tokens) {
		return new ApiTokenDevices(tokens);
	}

	@Bean
	ApplicationListener<SessionsRevokedEvent> powApiTokenRevocation(ApiTokens tokens) {
		return (event) -> tokens.revokeAll(event.getUserId());
	}

	@Bean
	@ConditionalOnMissingBean
	ApiControllerSupport.Collaborators powApiCollaborators(ApiTokens tokens, PowUsersService users,
			PowSessionManager sessions, MessageSource messageSource, PowProperties powProperties,
			PowAuthEvents events) {
		return new ApiControllerSupport.Collaborators(tokens, users, sessions, messageSource,
				powProperties.getUserIdField(), events);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiSessionController powApiSessionController(ApiControllerSupport.Collaborators collaborators,
			ObjectProvider<SignInThrottle> signInThrottle, ObjectProvider<ObservationRegistry> observations) {
		return new ApiSessionController(collaborators, signInThrottle.getIfAvailable(),
				observations.getIfUnique(() -> ObservationRegistry.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	ApiDevicesController powApiDevicesController(ApiControllerSupport.Collaborators collaborators,
			PowDevices devices) {
		return new ApiDevicesController(collaborators, devices);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiRegistrationController powApiRegistrationController(ApiControllerSupport.Collaborators collaborators,
			PowProperties powProperties) {
		return new ApiRegistrationController(collaborators, powProperties.getRegistration().isEnabled(),
				powProperties.getUserFields());
	}

	@Bean
	@ConditionalOnMissingBean
	ApiDescriptionController powApiDescriptionController(ApiProperties properties, PowRoutes routes) {
		return new ApiDescriptionController(routes.path(properties.getPath()));
	}

	/**
	 * Asking for a reset link over the API, when the application has password reset.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ResetPasswordRequests.class)
	static class ResetPassword {

		@Bean
		@ConditionalOnBean(ResetPasswordRequests.class)
		@ConditionalOnMissingBean
		ApiResetPasswordController powApiResetPasswordController(ApiControllerSupport.Collaborators collaborators,
				ResetPasswordRequests requests) {
			return new ApiResetPasswordController(collaborators, requests);
		}

	}

	/**
	 * Asking for a magic link over the API, when the application has magic links.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MagicLinkRequests.class)
	static class MagicLink {

		@Bean
		@ConditionalOnBean(MagicLinkRequests.class)
		@ConditionalOnMissingBean
		ApiMagicLinkController powApiMagicLinkController(ApiControllerSupport.Collaborators collaborators,
				MagicLinkRequests requests) {
			return new ApiMagicLinkController(collaborators, requests);
		}

	}

	/**
	 * Passkey sign-in over the API, when the application has passkeys.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Passkeys.class)
	static class Passkey {

		@Bean
		@ConditionalOnBean(Passkeys.class)
		@ConditionalOnMissingBean
		ApiPasskeyController powApiPasskeyController(ApiControllerSupport.Collaborators collaborators,
				Passkeys passkeys, @Qualifier("powPasskeysThrottle") ObjectProvider<RequestThrottle> throttle) {
			return new ApiPasskeyController(collaborators, passkeys, throttle.getIfAvailable());
		}

	}

	/**
	 * A second factor over the API, when the application has two-factor sign-in: a
	 * refused sign-in answers with a pending token, which a code turns into a token pair.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TwoFactorChallenges.class)
	static class TwoFactor {

		@Bean
		@ConditionalOnBean(TwoFactorChallenges.class)
		@ConditionalOnMissingBean
		ApiTwoFactorRefusalDetails powApiTwoFactorRefusalDetails(TwoFactorPendingSignIns pending) {
			return new ApiTwoFactorRefusalDetails(pending);
		}

		@Bean
		@ConditionalOnBean(TwoFactorChallenges.class)
		@ConditionalOnMissingBean
		ApiTwoFactorController powApiTwoFactorController(ApiControllerSupport.Collaborators collaborators,
				TwoFactorPendingSignIns pending, TwoFactorChallenges challenges) {
			return new ApiTwoFactorController(collaborators, pending, challenges);
		}

	}

	/**
	 * Asking for a new confirmation link over the API, when the application has email
	 * confirmation.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EmailConfirmationReminder.class)
	static class EmailConfirmation {

		@Bean
		@ConditionalOnBean(EmailConfirmationReminder.class)
		@ConditionalOnMissingBean
		ApiEmailConfirmationController powApiEmailConfirmationController(
				ApiControllerSupport.Collaborators collaborators, EmailConfirmationReminder reminder) {
			return new ApiEmailConfirmationController(collaborators, reminder);
		}

	}

}
