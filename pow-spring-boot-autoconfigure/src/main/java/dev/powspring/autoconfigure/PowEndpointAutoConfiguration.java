package dev.powspring.autoconfigure;

import dev.powspring.actuate.PowEndpoint;
import dev.powspring.device.PowDevices;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.realm.PowRealm;
import dev.powspring.store.PowStore;
import dev.powspring.user.PowUsersService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * of the {@code pow} Actuator endpoint, when the application uses Actuator and exposes
 * the endpoint. Only in the application's context: Actuator finds no endpoint in a
 * realm's.
 */
@AutoConfiguration(after = PowAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnMissingBean(PowRealm.class)
public class PowEndpointAutoConfiguration {

	@Bean
	@ConditionalOnAvailableEndpoint
	@ConditionalOnBean({ PowStore.class, PowAuthEvents.class })
	@ConditionalOnMissingBean
	PowEndpoint powEndpoint(PowStore store, PowAuthEvents events, PowSettingsWarnings settingsWarnings,
			ObjectProvider<PowUsersService> users, ObjectProvider<PowDevices> devices) {
		return new PowEndpoint(store, events.realm(), settingsWarnings::warnings, users.getIfUnique(),
				devices.getIfUnique());
	}

}
