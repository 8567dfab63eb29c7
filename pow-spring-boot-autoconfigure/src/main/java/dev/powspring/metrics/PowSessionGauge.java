package dev.powspring.metrics;

import java.util.Optional;

import dev.powspring.session.PowSessionManager;
import dev.powspring.store.LiveCountingPowStore;
import dev.powspring.store.PowStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The number of live browser sessions, registered only for a store that can count them
 * cheaply ({@link LiveCountingPowStore}: the in-memory and JDBC stores, not Redis). It is
 * approximate: a rotated token still in its grace period counts as a session of its own.
 */
public class PowSessionGauge {

	/** Gauge of live browser sessions. */
	public static final String LIVE_SESSIONS = "pow.sessions.live";

	private final Gauge gauge;

	/**
	 * Register the gauge when the store can count.
	 * @param registry where the gauge is
	 * @param store the store, read on each poll of the gauge
	 * @param realm the realm of the store
	 */
	public PowSessionGauge(MeterRegistry registry, PowStore store, String realm) {
		this.gauge = (store instanceof LiveCountingPowStore counting) ? Gauge
			.builder(LIVE_SESSIONS, counting, (live) -> live.countLive(PowSessionManager.SESSIONS))
			// The store lives as long as the application: no need to let it go.
			.strongReference(true)
			.description("Live browser sessions, approximately")
			.tag(PowMeters.REALM_TAG, realm)
			.register(registry) : null;
	}

	/**
	 * Return the gauge.
	 * @return the gauge, or empty when the store cannot count
	 */
	public Optional<Gauge> gauge() {
		return Optional.ofNullable(this.gauge);
	}

}
