package dev.powspring.store;

/**
 * The capability to count the live entries of a namespace cheaply, for gauges such as the
 * number of live sessions. A store that could only count by walking every key (Redis)
 * does not offer it.
 */
public interface LiveCountingPowStore extends PowStore {

	/**
	 * Count the entries of a namespace that have not expired.
	 * @param namespace the namespace
	 * @return the number of live entries
	 */
	long countLive(String namespace);

}
