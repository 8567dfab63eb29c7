package dev.powspring.passkeys;

import java.time.Clock;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.messages.PowMessageBundle;
import dev.powspring.migration.PowMigrationLocations;
import dev.powspring.session.PowSessionManager;
import dev.powspring.store.PowStore;
import dev.powspring.throttle.ClientAddresses;
import dev.powspring.throttle.PowThrottle;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.user.PowUsersService;
import dev.powspring.web.PowPageContributions;
import dev.powspring.web.controller.PowControllerSupport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for passkeys (WebAuthn): on when this module is on the classpath, off with
 * {@code pow.passkeys.enabled=false}.
 */
@AutoConfiguration(after = PowAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "pow.passkeys.enabled", matchIfMissing = true)
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnBean({ PowUsersService.class, PowSessionManager.class })
@EnableConfigurationProperties(PasskeysProperties.class)
public class PasskeysAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PasskeysAutoConfiguration.class);

	/** Basename of the extension's message bundle. */
	public static final String MESSAGES_BASENAME = "dev/powspring/passkeys/messages";

	/** Flyway location of the extension's migration. */
	public static final String MIGRATION_LOCATION = "classpath:db/pow/migration/passkeys";

	@Bean
	static PowMessageBundle powPasskeysMessageBundle() {
		return new PowMessageBundle(MESSAGES_BASENAME);
	}

	@Bean
	PowMigrationLocations powPasskeysMigrationLocations() {
		return PowMigrationLocations.of(MIGRATION_LOCATION);
	}

	@Bean
	PowPageContributions.Contribution powPasskeysAccountSection() {
		return new PowPageContributions.Contribution(PowPageContributions.ACCOUNT_SECTIONS, "pow/passkeys/fragments",
				"account-section");
	}

	@Bean
	PowPageContributions.Contribution powPasskeysSignInButton() {
		return new PowPageContributions.Contribution(PowPageContributions.SIGN_IN_LINKS, "pow/passkeys/fragments",
				"sign-in-button");
	}

	@Bean
	@ConditionalOnMissingBean
	PasskeyRelyingParty powPasskeyRelyingParty(PasskeysProperties properties, PowProperties powProperties,
			Environment environment) {
		String name = StringUtils.hasText(properties.getRpName()) ? properties.getRpName()
				: environment.getProperty("spring.application.name");
		PasskeyRelyingParty relyingParty = new PasskeyRelyingParty(properties.getRpId(), name,
				properties.getOrigins(), powProperties.getBaseUrl(), powProperties.getAllowedHosts());
		if (relyingParty.fromRequests()) {
			logger.warn("Passkeys take their RP ID and origin from each request, as neither pow.base-url nor "
					+ "pow.passkeys.rp-id is set; only requests to loopback hosts and pow.allowed-hosts can use them. "
					+ "Set pow.base-url to the application's public URL.");
		}
		return relyingParty;
	}

	@Bean
	@ConditionalOnMissingBean
	PasskeyChallenges powPasskeyChallenges(PowStore store, Clock clock, PasskeysProperties properties) {
		return new PasskeyChallenges(store, clock, properties.getChallengeTtl());
	}

	@Bean
	@ConditionalOnMissingBean
	PasskeyCredentials powPasskeyCredentials(JdbcClient jdbc) {
		return new PasskeyCredentials(jdbc);
	}

	@Bean
	@ConditionalOnMissingBean
	Passkeys powPasskeys(PasskeyCredentials credentials, PasskeyChallenges challenges,
			PasskeyRelyingParty relyingParty, PasskeysProperties properties, Clock clock,
			ObjectProvider<PowAuthEvents> authEvents) {
		Passkeys passkeys = new Passkeys(credentials, challenges, relyingParty, properties.getUserVerification(),
				clock);
		authEvents.ifAvailable(passkeys::setAuthEvents);
		return passkeys;
	}

	@Bean
	@ConditionalOnMissingBean
	PasskeysMessages powPasskeysMessages(MessageSource messageSource) {
		return new PasskeysMessages(messageSource);
	}

	@Bean
	@ConditionalOnBean(PowThrottle.class)
	@ConditionalOnMissingBean(name = "powPasskeysThrottle")
	RequestThrottle powPasskeysThrottle(PowThrottle throttle, ClientAddresses addresses,
			PasskeysProperties properties) {
		return new RequestThrottle(throttle, addresses, "passkey_sign_in", properties.getSignInPerCredential(),
				properties.getSignInPerAddress());
	}

	@Bean
	@ConditionalOnMissingBean
	PasskeysController powPasskeysController(PowControllerSupport.Collaborators collaborators, Passkeys passkeys,
			PasskeyCredentials credentials, PasskeysMessages messages) {
		return new PasskeysController(collaborators, passkeys, credentials, messages);
	}

	@Bean
	@ConditionalOnMissingBean
	PasskeySessionController powPasskeySessionController(PowControllerSupport.Collaborators collaborators,
			Passkeys passkeys, PasskeysMessages messages,
			@Qualifier("powPasskeysThrottle") ObjectProvider<RequestThrottle> throttle) {
		return new PasskeySessionController(collaborators, passkeys, messages, throttle.getIfAvailable());
	}

}
