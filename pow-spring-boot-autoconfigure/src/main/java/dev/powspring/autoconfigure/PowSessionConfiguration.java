package dev.powspring.autoconfigure;

import java.time.Clock;

import dev.powspring.session.LockedAccountSignInGuard;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.PowSessionMetadataContributor;
import dev.powspring.session.PowSignInGuard;
import dev.powspring.session.PowSignOutListener;
import dev.powspring.store.PowStore;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.throttle.ClientAddresses;
import dev.powspring.throttle.KnownDevices;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.UserLockedEvent;
import dev.powspring.user.UserRolesChangedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The token signer, the store and the session manager.
 */
@Configuration(proxyBeanMethods = false)
class PowSessionConfiguration {

	private static final Log logger = LogFactory.getLog(PowSessionConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	TokenSigner powTokenSigner(PowProperties properties) {
		if (StringUtils.hasText(properties.getSecretKey())) {
			if (properties.getSecretKey().length() < TokenSigner.MIN_KEY_LENGTH) {
				throw new PowConfigurationException("pow.secret-key is " + properties.getSecretKey().length()
						+ " characters long; a key that signs sessions and links needs at least "
						+ TokenSigner.MIN_KEY_LENGTH + ".", "Set pow.secret-key to a random secret of at least "
								+ TokenSigner.MIN_KEY_LENGTH + " characters, for example from 'openssl rand -base64 48'.");
			}
			return TokenSigner.fromSecret(properties.getSecretKey());
		}
		logger.warn("pow.secret-key is not set: using a random key, so sessions will not survive a restart "
				+ "or span nodes. Set it to a secret of at least 32 characters.");
		return TokenSigner.random();
	}

	@Bean
	@ConditionalOnMissingBean
	PowSessionManager powSessionManager(PowStore store, TokenSigner signer, Clock clock, PowProperties properties,
			ObjectProvider<PowSignInGuard> signInGuards, ObjectProvider<PowSignOutListener> signOutListeners,
			ObjectProvider<PowSessionMetadataContributor> metadataContributors,
			ObjectProvider<ClientAddresses> clientAddresses, ApplicationEventPublisher eventPublisher,
			ObjectProvider<PowAuthEvents> authEvents, ObjectProvider<KnownDevices> knownDevices) {
		PowProperties.Session session = properties.getSession();
		if (session.getTtl().toMinutes() > 30) {
			logger.warn("pow.session.ttl is " + session.getTtl() + ": idle sessions stay valid for longer than "
					+ "the recommended 30 minutes");
		}
		if (session.getRenewalInterval() == null) {
			logger.warn("pow.session.renewal-interval is empty: session tokens never rotate");
		}
		PowSessionManager sessions = new PowSessionManager(store, signer, clock, new PowSessionManager.Settings(
				session.cookie(), session.getTtl(), session.getRenewalInterval(), session.getRotationGrace(),
				session.getAbsoluteTtl()));
		sessions.setSignInGuards(signInGuards.orderedStream().toList());
		sessions.setSignOutListeners(signOutListeners.orderedStream().toList());
		sessions.setEventPublisher(eventPublisher);
		authEvents.ifAvailable(sessions::setAuthEvents);
		knownDevices.ifAvailable(sessions::setKnownDevices);
		sessions.setMetadataContributors(metadataContributors.orderedStream().toList());
		sessions.setClientAddresses(clientAddresses
			.getIfAvailable(() -> new ClientAddresses(properties.getThrottle().getClientAddressHeader())));
		return sessions;
	}

	// A role change reaches every session of the user, of every kind, through its shared copy.
	@Bean
	ApplicationListener<UserRolesChangedEvent> powSessionsSeeRoleChanges(PowSessionManager sessions) {
		return (event) -> sessions.refreshUser(event.getUser());
	}

	@Bean
	@ConditionalOnMissingBean
	LockedAccountSignInGuard powLockedAccountSignInGuard() {
		return new LockedAccountSignInGuard();
	}

	// Locking ends every session of the user, which revokes its remember-me and API tokens.
	@Bean
	ApplicationListener<UserLockedEvent> powSessionsEndOnLock(PowSessionManager sessions) {
		return (event) -> sessions.deleteAll(event.getUser().getId());
	}

}
