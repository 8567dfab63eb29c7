package dev.powspring.cleanup;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes what is due at a fixed interval, on a daemon thread of its own, a batch at a
 * time: a run stops at the first empty batch or after a bounded number of batches, so a
 * large backlog is worked off over several runs and no statement holds a long lock. A
 * failed run is logged and the next one tries again.
 */
public abstract class BatchedCleanup implements SmartLifecycle {

	private static final int MAX_BATCHES_PER_RUN = 100;

	private final Log logger = LogFactory.getLog(getClass());

	private final String name;

	private final Duration interval;

	private ScheduledExecutorService executor;

	/**
	 * Create an instance.
	 * @param name what is cleaned up, for the thread's name and the log, such as
	 * {@code store-sweeper}
	 * @param interval how often to run
	 */
	protected BatchedCleanup(String name, Duration interval) {
		this.name = name;
		this.interval = interval;
	}

	/**
	 * Delete one batch of what is due.
	 * @return how many were deleted; zero when nothing is left
	 */
	protected abstract int deleteBatch();

	/**
	 * Run once now: batches until one deletes nothing, at most a bounded number.
	 * @return how many were deleted
	 */
	public int runOnce() {
		int total = 0;
		int batches = 0;
		int deleted;
		do {
			deleted = deleteBatch();
			total += deleted;
		}
		while (deleted > 0 && ++batches < MAX_BATCHES_PER_RUN);
		return total;
	}

	private void runQuietly() {
		try {
			int deleted = runOnce();
			if (deleted > 0 && this.logger.isDebugEnabled()) {
				this.logger.debug("pow-" + this.name + " deleted " + deleted);
			}
		}
		catch (RuntimeException ex) {
			this.logger.warn("pow-" + this.name + " failed; it runs again in " + this.interval, ex);
		}
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "pow-" + this.name);
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
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
