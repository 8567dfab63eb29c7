package dev.powspring.autoconfigure;

import java.time.Clock;

import dev.powspring.device.PowDeviceSource;
import dev.powspring.device.PowDevices;
import dev.powspring.device.WebSessionDevices;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.realm.PowRealm;
import dev.powspring.session.PowSessionManager;
import dev.powspring.throttle.ClientAddresses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auth events and the devices a user is signed in on.
 */
@Configuration(proxyBeanMethods = false)
class PowEventsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PowAuthEvents powAuthEvents(ApplicationEventPublisher publisher, ObjectProvider<ClientAddresses> clientAddresses,
			Clock clock, PowProperties properties, ObjectProvider<PowRealm> realm) {
		return new PowAuthEvents(publisher,
				clientAddresses
					.getIfAvailable(() -> new ClientAddresses(properties.getThrottle().getClientAddressHeader())),
				clock, realmName(realm.getIfUnique()));
	}

	private static String realmName(PowRealm realm) {
		return (realm != null) ? realm.name() : PowRealm.DEFAULT;
	}

	@Bean
	@ConditionalOnBean(PowSessionManager.class)
	@ConditionalOnMissingBean
	WebSessionDevices powWebSessionDevices(PowSessionManager sessions) {
		return new WebSessionDevices(sessions);
	}

	@Bean
	@ConditionalOnBean(PowSessionManager.class)
	@ConditionalOnMissingBean
	PowDevices powDevices(ObjectProvider<PowDeviceSource> sources, PowSessionManager sessions,
			PowAuthEvents events) {
		return new PowDevices(sources.orderedStream().toList(), sessions, events);
	}

}
