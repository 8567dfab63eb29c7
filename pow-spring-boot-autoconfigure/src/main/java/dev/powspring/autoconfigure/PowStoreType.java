package dev.powspring.autoconfigure;

/**
 * Where Pow keeps sessions and every other store entry.
 */
public enum PowStoreType {

	/**
	 * In the JVM's memory: for one node, and lost on restart.
	 */
	MEMORY,

	/**
	 * In the {@code pow_store} table of the application's database.
	 */
	JDBC,

	/**
	 * In Redis, through Spring Data Redis.
	 */
	REDIS

}
