package dev.powspring.store;

import java.time.Duration;

import dev.powspring.cleanup.BatchedCleanup;

/**
 * Removes expired entries from an {@link ExpiringStore} at a fixed interval, so that the
 * memory or rows held by sessions nobody comes back to are reclaimed.
 */
public class PowStoreSweeper extends BatchedCleanup {

	private final ExpiringStore store;

	public PowStoreSweeper(ExpiringStore store, Duration interval) {
		super("store-sweeper", interval);
		this.store = store;
	}

	@Override
	protected int deleteBatch() {
		return this.store.removeExpired();
	}

}
