package dev.powspring.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Prunes the audit trail at a fixed interval, a bounded number of batches per run, so that
 * a large backlog is worked off over several runs.
 */
public class PowAuditPruner implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PowAuditPruner.class);

	private static final int MAX_BATCHES_PER_RUN = 100;

	private final PowAuditTrail trail;

	private final Duration interval;

	private ScheduledExecutorService executor;

	/**
	 * Create an instance.
	 * @param trail the trail to prune
	 * @param interval how often to prune
	 */
	public PowAuditPruner(PowAuditTrail trail, Duration interval) {
		this.trail = trail;
		this.interval = interval;
	}

	/**
	 * Prune once: batches until one comes back short, at most a bounded number.
	 * @return how many events were deleted
	 */
	public int prune() {
		int total = 0;
		int batches = 0;
		int deleted;
		do {
			deleted = this.trail.pruneBatch();
			total += deleted;
		}
		while (deleted > 0 && ++batches < MAX_BATCHES_PER_RUN);
		return total;
	}

	private void pruneQuietly() {
		try {
			int deleted = prune();
			if (deleted > 0 && logger.isDebugEnabled()) {
				logger.debug("Pruned " + deleted + " audit events");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not prune the audit trail", ex);
		}
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "pow-audit-pruner");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(this::pruneQuietly, millis, millis, TimeUnit.MILLISECONDS);
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
