package dev.powspring.twofactor;

import java.time.Clock;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.messages.PowMessageBundle;
import dev.powspring.migration.PowMigrationLocations;
import dev.powspring.session.PowSessionManager;
import dev.powspring.store.PowStore;
import dev.powspring.throttle.PowThrottle;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.TwoFactorOperations;
import dev.powspring.web.PowCookie;
import dev.powspring.web.PowPageContributions;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.controller.PowControllerSupport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for two-factor sign-in: on when this module is on the classpath, off with
 * {@code pow.two-factor.enabled=false}. It comes after email confirmation's, so that its
 * sign-in guard asks after that one's.
 */
@AutoConfiguration(after = PowAutoConfiguration.class,
		afterName = "dev.powspring.emailconfirmation.EmailConfirmationAutoConfiguration")
@ConditionalOnBooleanProperty(name = "pow.two-factor.enabled", matchIfMissing = true)
@ConditionalOnClass(JdbcClient.class)
@EnableConfigurationProperties(TwoFactorProperties.class)
@Import(TwoFactorAutoConfiguration.Web.class)
public class TwoFactorAutoConfiguration {

	/** Basename of the extension's message bundle. */
	public static final String MESSAGES_BASENAME = "dev/powspring/twofactor/messages";

	/** Flyway location of the extension's migration. */
	public static final String MIGRATION_LOCATION = "classpath:db/pow/migration/two_factor";

	private static final Log logger = LogFactory.getLog(TwoFactorAutoConfiguration.class);

	@Bean
	static PowMessageBundle powTwoFactorMessageBundle() {
		return new PowMessageBundle(MESSAGES_BASENAME);
	}

	@Bean
	PowMigrationLocations powTwoFactorMigrationLocations() {
		return PowMigrationLocations.of(MIGRATION_LOCATION);
	}

	@Bean
	@ConditionalOnMissingBean
	TwoFactorSecretCipher powTwoFactorSecretCipher(TwoFactorProperties properties, PowProperties powProperties) {
		if (StringUtils.hasText(properties.getEncryptionKey())) {
			return new TwoFactorSecretCipher(properties.getEncryptionKey());
		}
		if (StringUtils.hasText(powProperties.getSecretKey())) {
			return new TwoFactorSecretCipher(powProperties.getSecretKey());
		}
		// The core warns that pow.secret-key is missing; this says what it costs here.
		logger.info("Two-factor secrets are encrypted with a random key, as neither pow.two-factor.encryption-key "
				+ "nor pow.secret-key is set: after a restart no user can complete a two-factor sign-in. "
				+ "Set pow.secret-key (or pow.two-factor.encryption-key) to at least 32 random characters.");
		return TwoFactorSecretCipher.random();
	}

	@Bean
	@ConditionalOnMissingBean
	TwoFactors powTwoFactors(JdbcClient jdbc, TwoFactorSecretCipher cipher, Clock clock,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		TransactionOperations transactions = transactionManager.getIfAvailable() != null
				? new TransactionTemplate(transactionManager.getObject()) : TransactionOperations.withoutTransaction();
		return new TwoFactors(jdbc, cipher, clock, transactions);
	}

	@Bean
	@ConditionalOnMissingBean
	TwoFactorRememberedDevices powTwoFactorRememberedDevices(TokenSigner signer, Clock clock,
			TwoFactorProperties properties) {
		return new TwoFactorRememberedDevices(signer, clock, PowCookie.named(properties.getRememberDeviceCookieName()),
				properties.getRememberDevice());
	}

	@Bean
	@ConditionalOnMissingBean
	TwoFactorSignInGuard powTwoFactorSignInGuard(TwoFactors twoFactors, TwoFactorRememberedDevices devices,
			TwoFactorProperties properties) {
		return new TwoFactorSignInGuard(twoFactors, devices, properties.getRequiredRoles());
	}

	@Bean
	@ConditionalOnMissingBean(TwoFactorOperations.class)
	DefaultTwoFactorOperations powTwoFactorOperations(TwoFactors twoFactors, ApplicationEventPublisher events) {
		return new DefaultTwoFactorOperations(twoFactors, events);
	}

	@Bean
	@ConditionalOnMissingBean
	TwoFactorQrCodes powTwoFactorQrCodes(TwoFactorProperties properties, Environment environment) {
		String issuer = properties.getIssuer();
		if (!StringUtils.hasText(issuer)) {
			issuer = environment.getProperty("spring.application.name", "Pow");
		}
		return new TwoFactorQrCodes(issuer);
	}

	@Bean
	@ConditionalOnMissingBean
	TwoFactorPendingSignIns powTwoFactorPendingSignIns(PowStore store, TokenSigner signer, Clock clock,
			TwoFactorProperties properties) {
		return new TwoFactorPendingSignIns(store, signer, clock, properties.getPendingTtl(),
				properties.getMaxAttempts());
	}

	@Bean
	@ConditionalOnMissingBean
	TwoFactorChallenges powTwoFactorChallenges(TwoFactors twoFactors, TwoFactorPendingSignIns pending,
			PowUsersService users, ObjectProvider<SignInThrottle> signInThrottle, ObjectProvider<PowThrottle> throttle,
			ApplicationEventPublisher events, TwoFactorProperties properties, ObjectProvider<PowAuthEvents> authEvents) {
		TwoFactorChallenges challenges = new TwoFactorChallenges(twoFactors, pending, users,
				signInThrottle.getIfAvailable(), events);
		throttle.ifAvailable((available) -> challenges.setCodeThrottle(available, properties.getCodeAttempts()));
		authEvents.ifAvailable(challenges::setAuthEvents);
		return challenges;
	}

	/**
	 * The pages and the controller callback.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBean({ PowUsersService.class, PowSessionManager.class })
	static class Web {

		@Bean
		PowPageContributions.Contribution powTwoFactorAccountSection() {
			return new PowPageContributions.Contribution(PowPageContributions.ACCOUNT_SECTIONS,
					"pow/two_factor/fragments", "account-section");
		}

		@Bean
		@ConditionalOnMissingBean
		TwoFactorMessages powTwoFactorMessages(MessageSource messageSource) {
			return new TwoFactorMessages(messageSource);
		}

		@Bean
		@ConditionalOnMissingBean
		TwoFactorPendingCookie powTwoFactorPendingCookie(TwoFactorPendingSignIns pending,
				TwoFactorProperties properties) {
			return new TwoFactorPendingCookie(pending, PowCookie.named(properties.getPendingCookieName()));
		}

		@Bean
		@ConditionalOnMissingBean
		TwoFactorCallback powTwoFactorCallback(TwoFactorPendingSignIns pending, TwoFactorPendingCookie cookie,
				PowRoutes routes) {
			return new TwoFactorCallback(pending, cookie, routes);
		}

		@Bean
		@ConditionalOnMissingBean
		TwoFactorController powTwoFactorController(PowControllerSupport.Collaborators collaborators,
				TwoFactorPendingCookie pendingCookie, TwoFactorChallenges challenges, TwoFactors twoFactors,
				TwoFactorRememberedDevices devices, TwoFactorQrCodes qrCodes, TwoFactorMessages messages) {
			return new TwoFactorController(collaborators, pendingCookie, challenges, twoFactors, devices, qrCodes,
					messages);
		}

		@Bean
		@ConditionalOnMissingBean
		TwoFactorAccountController powTwoFactorAccountController(PowControllerSupport.Collaborators collaborators,
				TwoFactors twoFactors, TwoFactorQrCodes qrCodes, TwoFactorMessages messages,
				ApplicationEventPublisher events) {
			return new TwoFactorAccountController(collaborators, twoFactors, qrCodes, messages, events);
		}

	}

}
