package dev.powspring.autoconfigure;

import dev.powspring.event.PowAuthEvents;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.metrics.PowAuthEventMeters;
import dev.powspring.metrics.PowMailMeters;
import dev.powspring.metrics.PowNearCacheMeters;
import dev.powspring.metrics.PowSessionGauge;
import dev.powspring.metrics.PowThrottleMeters;
import dev.powspring.nearcache.PowNearCache;
import dev.powspring.store.PowStore;
import dev.powspring.throttle.PowThrottle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * of Pow's Micrometer meters, when the application has a {@link MeterRegistry}. It runs
 * in each realm's context too, so every meter is tagged with its realm.
 */
@AutoConfiguration(after = PowAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, PowAuthEvents.class })
public class PowMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PowAuthEventMeters powAuthEventMeters(MeterRegistry registry, PowAuthEvents events) {
		return new PowAuthEventMeters(registry, events.realm());
	}

	@Bean
	@ConditionalOnBean(PowThrottle.class)
	@ConditionalOnMissingBean
	PowThrottleMeters powThrottleMeters(MeterRegistry registry, PowAuthEvents events, PowThrottle throttle) {
		PowThrottleMeters meters = new PowThrottleMeters(registry, events.realm());
		throttle.addRefusalListener(meters);
		return meters;
	}

	@Bean
	@ConditionalOnBean(PowMailDelivery.class)
	@ConditionalOnMissingBean
	PowMailMeters powMailMeters(MeterRegistry registry, PowAuthEvents events, PowMailDelivery delivery) {
		PowMailMeters meters = new PowMailMeters(registry, events.realm());
		delivery.addListener(meters);
		return meters;
	}

	@Bean
	@ConditionalOnBean(PowStore.class)
	@ConditionalOnMissingBean
	PowSessionGauge powSessionGauge(MeterRegistry registry, PowAuthEvents events, PowStore store) {
		return new PowSessionGauge(registry, store, events.realm());
	}

	@Bean
	@ConditionalOnBean(PowNearCache.class)
	@ConditionalOnMissingBean
	PowNearCacheMeters powNearCacheMeters(MeterRegistry registry, PowAuthEvents events, PowNearCache cache) {
		return new PowNearCacheMeters(registry, cache, events.realm());
	}

	/**
	 * Turns observations, such as {@code pow.sign.in}, into timers in an application whose
	 * Spring Boot does not (without {@code spring-boot-micrometer-observation}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(ObservationRegistry.class)
	static class Observations {

		@Bean
		ObservationRegistry powObservationRegistry(MeterRegistry registry) {
			ObservationRegistry observations = ObservationRegistry.create();
			observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
			return observations;
		}

	}

}
