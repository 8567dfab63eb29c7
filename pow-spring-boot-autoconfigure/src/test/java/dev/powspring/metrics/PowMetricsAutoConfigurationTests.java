package dev.powspring.metrics;

import java.time.Clock;

import dev.powspring.autoconfigure.PowMetricsAutoConfiguration;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.throttle.ClientAddresses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Pow's meters exist: with a MeterRegistry only, and with an observation registry
 * that makes timers of observations when Spring Boot gives none.
 */
class PowMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PowMetricsAutoConfiguration.class))
		.withBean(PowAuthEvents.class,
				() -> new PowAuthEvents((event) -> {
				}, new ClientAddresses(null), Clock.systemUTC(), "default"))
		.withBean(InMemoryPowStore.class, () -> new InMemoryPowStore(Clock.systemUTC()));

	@Test
	void withAMeterRegistryThenMetersAndATimerPerObservation() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(PowAuthEventMeters.class);
			assertThat(context.getBean(PowSessionGauge.class).gauge()).isPresent();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Observation.start(PowMeters.SIGN_IN_OBSERVATION, context.getBean(ObservationRegistry.class))
				.lowCardinalityKeyValue("method", "password")
				.lowCardinalityKeyValue("outcome", "success")
				.stop();
			assertThat(registry.get("pow.sign.in").tags("method", "password", "outcome", "success").timer().count())
				.isEqualTo(1);
		});
	}

	@Test
	void withAnObservationRegistryOfTheApplicationThenItIsKept() {
		ObservationRegistry own = ObservationRegistry.create();
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(ObservationRegistry.class, () -> own)
			.run((context) -> assertThat(context.getBean(ObservationRegistry.class)).isSameAs(own));
	}

	@Test
	void withoutAMeterRegistryThenNoMeters() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(PowAuthEventMeters.class);
			assertThat(context).doesNotHaveBean(ObservationRegistry.class);
		});
	}

	@Test
	void withoutMicrometerThenNoMeters() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(PowAuthEventMeters.class);
		});
	}

}
