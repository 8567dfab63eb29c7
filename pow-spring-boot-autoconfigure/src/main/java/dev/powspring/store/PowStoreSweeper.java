package dev.powspring.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Removes expired entries from an {@link ExpiringStore} at a fixed interval, so that the
 * memory or rows held by sessions nobody comes back to are reclaimed.
 */
public class PowStoreSweeper implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PowStoreSweeper.class);

	private final ExpiringStore store;

	private final Duration interval;

	private ScheduledExecutorService executor;

	public PowStoreSweeper(ExpiringStore store, Duration interval) {
		this.store = store;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "pow-store-sweeper");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
	}

	// Bounds one run, so a large backlog is worked off over several runs.
	private static final int MAX_BATCHES_PER_RUN = 100;

	private void sweep() {
		try {
			int total = 0;
			int removed;
			int batches = 0;
			do {
				removed = this.store.removeExpired();
				total += removed;
			}
			while (removed > 0 && ++batches < MAX_BATCHES_PER_RUN);
			if (total > 0 && logger.isDebugEnabled()) {
				logger.debug("Removed " + total + " expired store entries");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not remove expired store entries", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
