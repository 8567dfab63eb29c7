package dev.powspring.persistentsession;

import java.time.Clock;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowConfigurationException;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.messages.PowMessageBundle;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SessionsRevokedEvent;
import dev.powspring.store.PowStore;
import dev.powspring.store.PrincipalIndexedPowStore;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.PowUsersService;
import dev.powspring.web.PowPageContributions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for remember-me: on when this module is on the classpath, off with
 * {@code pow.persistent-session.enabled=false}.
 */
@AutoConfiguration(after = PowAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "pow.persistent-session.enabled", matchIfMissing = true)
@ConditionalOnBean({ PowUsersService.class, PowSessionManager.class })
@EnableConfigurationProperties(PersistentSessionProperties.class)
public class PersistentSessionAutoConfiguration {

	/** Basename of the extension's message bundle. */
	public static final String MESSAGES_BASENAME = "dev/powspring/persistentsession/messages";

	@Bean
	static PowMessageBundle powPersistentSessionMessageBundle() {
		return new PowMessageBundle(MESSAGES_BASENAME);
	}

	@Bean
	PowPageContributions.Contribution powPersistentSessionCheckbox() {
		return new PowPageContributions.Contribution(PowPageContributions.SIGN_IN_FIELDS,
				"pow/persistent_session/fragments", "checkbox");
	}

	@Bean
	@ConditionalOnMissingBean
	PersistentSessionTokens powPersistentSessionTokens(PowStore store, TokenSigner signer, Clock clock,
			PersistentSessionProperties properties) {
		if (!(store instanceof PrincipalIndexedPowStore indexed)) {
			throw new PowConfigurationException("Remember-me revokes all tokens of a user, which needs a store that "
					+ "indexes entries by user (a PrincipalIndexedPowStore); " + store.getClass().getName() + " does not.",
					"Use such a store, such as Pow's own, or set pow.persistent-session.enabled=false.");
		}
		return new PersistentSessionTokens(indexed, signer, clock, properties.getTtl(), properties.getRotationGrace());
	}

	@Bean
	@ConditionalOnMissingBean
	PersistentSessionCookies powPersistentSessionCookies(PersistentSessionProperties properties) {
		return new PersistentSessionCookies(properties.cookie());
	}

	@Bean
	@ConditionalOnMissingBean
	PersistentSessionRestorer powPersistentSessionRestorer(PersistentSessionTokens tokens,
			PersistentSessionCookies cookies, PowUsersService users, PowSessionManager sessions,
			ObjectProvider<PowAuthEvents> events) {
		return new PersistentSessionRestorer(tokens, cookies, users, sessions, events.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	PersistentSessionCallback powPersistentSessionCallback(PersistentSessionTokens tokens,
			PersistentSessionCookies cookies, PowSessionManager sessions) {
		return new PersistentSessionCallback(tokens, cookies, sessions);
	}

	@Bean
	@ConditionalOnMissingBean
	PersistentSessionSignOut powPersistentSessionSignOut(PersistentSessionTokens tokens,
			PersistentSessionCookies cookies) {
		return new PersistentSessionSignOut(tokens, cookies);
	}

	@Bean
	@ConditionalOnMissingBean
	RememberMeDevices powRememberMeDevices(PersistentSessionTokens tokens, PersistentSessionCookies cookies,
			PowSessionManager sessions) {
		return new RememberMeDevices(tokens, cookies, sessions);
	}

	@Bean
	ApplicationListener<SessionsRevokedEvent> powPersistentSessionRevocation(PersistentSessionTokens tokens) {
		return (event) -> tokens.revokeAll(event.getUserId());
	}

}
