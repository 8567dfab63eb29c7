package dev.powspring.audit;

import java.time.Duration;

import dev.powspring.cleanup.BatchedCleanup;

/**
 * Prunes the audit trail of events past their retention at a fixed interval.
 */
public class PowAuditPruner extends BatchedCleanup {

	private final PowAuditTrail trail;

	/**
	 * Create an instance.
	 * @param trail the trail to prune
	 * @param interval how often to prune
	 */
	public PowAuditPruner(PowAuditTrail trail, Duration interval) {
		super("audit-pruner", interval);
		this.trail = trail;
	}

	/**
	 * Prune once now.
	 * @return how many events were deleted
	 */
	public int prune() {
		return runOnce();
	}

	@Override
	protected int deleteBatch() {
		return this.trail.pruneBatch();
	}

}
