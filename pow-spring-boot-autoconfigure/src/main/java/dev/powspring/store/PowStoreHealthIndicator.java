package dev.powspring.store;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether Pow's store answers, with Spring Boot Actuator: without it, nobody can
 * be signed in.
 */
public class PowStoreHealthIndicator extends AbstractHealthIndicator {

	private final PowStore store;

	public PowStoreHealthIndicator(PowStore store) {
		super("Pow's store is unavailable");
		this.store = store;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.store.get("health", "probe", String.class);
		builder.up().withDetail("store", this.store.getClass().getSimpleName());
	}

}
