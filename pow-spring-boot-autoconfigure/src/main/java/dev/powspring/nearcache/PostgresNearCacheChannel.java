package dev.powspring.nearcache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * The invalidation channel of the jdbc store on PostgreSQL: {@code NOTIFY} after a change,
 * and one connection per node that {@code LISTEN}s on a thread of its own. The listening
 * connection is checked with a query every heartbeat, under a network timeout of two
 * heartbeats, so a connection that is lost or silently dead is noticed within that time;
 * the node then bypasses its near cache and reconnects until it succeeds.
 * <p>
 * Notifications are delivered in commit order, after the change they announce is
 * visible, and only to sessions that were listening when it was committed: what a node
 * misses while reconnecting it makes up for by flushing its cache.
 */
public class PostgresNearCacheChannel implements PowNearCacheChannel {

	/** The name of the PostgreSQL notification channel. */
	public static final String CHANNEL = "pow_near_cache";

	private static final Log logger = LogFactory.getLog(PostgresNearCacheChannel.class);

	private final DataSource listenDataSource;

	private final JdbcClient jdbc;

	private final Duration heartbeat;

	private final String node = UUID.randomUUID().toString();

	private final Object lifecycle = new Object();

	private volatile boolean running;

	private Thread listener;

	/**
	 * Create a channel.
	 * @param listenDataSource where the listening connection comes from
	 * @param jdbc where notifications are sent from
	 * @param heartbeat how often the listening connection is checked
	 */
	public PostgresNearCacheChannel(DataSource listenDataSource, JdbcClient jdbc, Duration heartbeat) {
		Assert.isTrue(!heartbeat.isNegative() && !heartbeat.isZero(), "heartbeat must be positive");
		this.listenDataSource = listenDataSource;
		this.jdbc = jdbc;
		this.heartbeat = heartbeat;
	}

	@Override
	public void publish(String namespace, String key) {
		this.jdbc.sql("SELECT pg_notify(:channel, :payload)")
			.param("channel", CHANNEL)
			.param("payload", InvalidationMessage.entry(this.node, namespace, key))
			.query()
			.singleValue();
	}

	@Override
	public void start(Listener listener) {
		synchronized (this.lifecycle) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.listener = new Thread(() -> listen(listener), "pow-near-cache-listener");
			this.listener.setDaemon(true);
			this.listener.start();
		}
	}

	@Override
	public void stop() {
		Thread thread;
		synchronized (this.lifecycle) {
			this.running = false;
			thread = this.listener;
			this.listener = null;
			this.lifecycle.notifyAll();
		}
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(this.heartbeat.multipliedBy(4).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void listen(Listener listener) {
		while (this.running) {
			try (Connection connection = this.listenDataSource.getConnection()) {
				listenOn(connection, listener);
			}
			catch (SQLException | RuntimeException ex) {
				listener.disconnected();
				if (this.running) {
					logger.debug("Near cache channel lost, reconnecting: " + ex.getMessage());
					pause();
				}
			}
		}
		listener.disconnected();
	}

	private void listenOn(Connection connection, Listener listener) throws SQLException {
		connection.setAutoCommit(true);
		int timeout = (int) this.heartbeat.toMillis();
		Executor direct = Runnable::run;
		connection.setNetworkTimeout(direct, 2 * timeout);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LISTEN " + CHANNEL);
			PGConnection postgres = connection.unwrap(PGConnection.class);
			listener.connected();
			long checked = System.nanoTime();
			while (this.running) {
				PGNotification[] notifications = postgres.getNotifications(timeout);
				if (notifications != null) {
					for (PGNotification notification : notifications) {
						deliver(notification.getParameter(), listener);
					}
				}
				if (System.nanoTime() - checked >= this.heartbeat.toNanos()) {
					// Proves the connection alive: a lost one fails here within the network
					// timeout, even when nothing was sent.
					statement.execute("SELECT 1");
					checked = System.nanoTime();
				}
			}
		}
	}

	private void deliver(String payload, Listener listener) {
		InvalidationMessage.parse(payload)
			.filter((message) -> !message.isHeartbeat() && !message.node().equals(this.node))
			.ifPresent((message) -> listener.invalidated(message.namespace(), message.key()));
	}

	private void pause() {
		synchronized (this.lifecycle) {
			if (this.running) {
				try {
					this.lifecycle.wait(this.heartbeat.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					this.running = false;
				}
			}
		}
	}

}
