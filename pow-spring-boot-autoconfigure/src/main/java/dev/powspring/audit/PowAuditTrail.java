package dev.powspring.audit;

import java.util.List;

import dev.powspring.event.PowAuthEvent;

/**
 * Where auth events are kept, when the audit trail is on ({@code pow.audit.enabled}).
 * The default keeps them in Pow's {@code pow_audit_events} table; declare a bean of this
 * type to keep them elsewhere.
 */
public interface PowAuditTrail {

	/**
	 * Keep an event.
	 * @param event the event
	 */
	void record(PowAuthEvent event);

	/**
	 * Return a user's most recent events, newest first.
	 * @param userId the user's primary key
	 * @param limit how many at most
	 * @return the events
	 */
	List<PowAuthEvent> recent(Long userId, int limit);

	/**
	 * Delete one batch of events older than the retention period.
	 * @return how many were deleted; fewer than a batch means none are left to prune
	 */
	int pruneBatch();

}
