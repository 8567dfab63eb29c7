package dev.powspring.autoconfigure;

import java.time.Clock;

import dev.powspring.store.CountingPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.throttle.ClientAddresses;
import dev.powspring.throttle.KnownDevices;
import dev.powspring.throttle.PowThrottle;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.token.TokenSigner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Throttling, on unless {@code pow.throttle.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "pow.throttle.enabled", matchIfMissing = true)
class PowThrottleConfiguration {

	private static final Log logger = LogFactory.getLog(PowThrottleConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	PowThrottle powThrottle(PowStore store, Clock clock) {
		if (!(store instanceof CountingPowStore counting)) {
			throw new PowConfigurationException("Throttling counts in the store, but " + store.getClass().getName()
					+ " cannot count (it is no CountingPowStore).",
					"Use a store that can count, such as Pow's own, or set pow.throttle.enabled=false.");
		}
		return new PowThrottle(counting, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	ClientAddresses powClientAddresses(PowProperties properties) {
		String header = properties.getThrottle().getClientAddressHeader();
		if (header != null && !header.isBlank()) {
			logger.info("Pow takes client addresses from the " + header + " header: make sure a proxy sets it");
		}
		return new ClientAddresses(header);
	}

	@Bean
	@ConditionalOnMissingBean
	KnownDevices powKnownDevices(TokenSigner signer, PowProperties properties) {
		PowProperties.Throttle throttling = properties.getThrottle();
		return new KnownDevices(signer, throttling.getDeviceCookieName(), throttling.getDeviceTtl());
	}

	@Bean
	@ConditionalOnMissingBean
	SignInThrottle powSignInThrottle(PowThrottle throttle, ClientAddresses addresses, KnownDevices devices,
			PowProperties properties) {
		PowProperties.Throttle throttling = properties.getThrottle();
		return new SignInThrottle(throttle, addresses, throttling.getSignInPerAccount(),
				throttling.getSignInPerAddress(), devices);
	}

}
