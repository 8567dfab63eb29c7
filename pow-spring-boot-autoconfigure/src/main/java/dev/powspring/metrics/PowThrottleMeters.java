package dev.powspring.metrics;

import dev.powspring.throttle.PowLimit;
import dev.powspring.throttle.PowThrottle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the throttle's refusals by limit: every refused attempt, whatever it was (a
 * sign-in per account, device or address, a reset request, a magic link, a second-factor
 * code...).
 */
public class PowThrottleMeters implements PowThrottle.RefusalListener {

	/** Counter of refused attempts, tag {@code limit}. */
	public static final String REFUSALS = "pow.throttle.refusals";

	private final MeterRegistry registry;

	private final String realm;

	/**
	 * Create an instance.
	 * @param registry where the counter is
	 * @param realm the realm of the throttle
	 */
	public PowThrottleMeters(MeterRegistry registry, String realm) {
		this.registry = registry;
		this.realm = realm;
	}

	@Override
	public void refused(String bucket, PowLimit limit) {
		Counter.builder(REFUSALS)
			.description("Attempts the throttle refused")
			.tag(PowMeters.REALM_TAG, this.realm)
			.tag("limit", bucket)
			.register(this.registry)
			.increment();
	}

}
