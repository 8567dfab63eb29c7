package dev.powspring.nearcache;

/**
 * How the nodes sharing a store tell each other which entries changed, so that each can
 * drop its near-cached copy. Implementations deliver to every node but the sender, in
 * the order sent, and say when they cannot: a node whose channel is down must not trust
 * its near cache, since it may have missed a change.
 *
 * @see PostgresNearCacheChannel
 * @see RedisNearCacheChannel
 */
public interface PowNearCacheChannel {

	/**
	 * Tell the other nodes that an entry changed. Called after the change is written.
	 * @param namespace the entry's namespace
	 * @param key the entry's key
	 * @throws RuntimeException when the message cannot be sent
	 */
	void publish(String namespace, String key);

	/**
	 * Start listening. The listener hears {@link Listener#connected()} once messages from
	 * the other nodes reach it, and {@link Listener#disconnected()} as soon as they may
	 * not, each time the channel comes and goes.
	 * @param listener what to tell
	 */
	void start(Listener listener);

	/**
	 * Stop listening and release the connection.
	 */
	void stop();

	/**
	 * What a channel tells the near cache.
	 */
	interface Listener {

		/**
		 * Another node changed an entry.
		 * @param namespace the entry's namespace
		 * @param key the entry's key
		 */
		void invalidated(String namespace, String key);

		/**
		 * Messages reach this node (again); any message in between may have been lost.
		 */
		void connected();

		/**
		 * Messages may no longer reach this node.
		 */
		void disconnected();

	}

}
