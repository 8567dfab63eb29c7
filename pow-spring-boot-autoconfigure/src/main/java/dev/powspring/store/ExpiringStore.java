package dev.powspring.store;

/**
 * A store whose expired entries must be removed by a job, rather than by the backend
 * itself.
 */
public interface ExpiringStore {

	/**
	 * Remove expired entries.
	 * @return how many were removed
	 */
	int removeExpired();

}
