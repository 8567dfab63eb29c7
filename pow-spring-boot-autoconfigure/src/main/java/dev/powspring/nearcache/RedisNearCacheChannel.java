package dev.powspring.nearcache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.Assert;

/**
 * The invalidation channel of the redis store: Redis pub/sub on one channel under the
 * store's key prefix.
 * <p>
 * Pub/sub drops what is published while a subscriber is away and does not say so, so
 * each node publishes a heartbeat of its own every {@code heartbeat} and counts itself
 * connected only while its own heartbeats come back: one missing for two heartbeats, or
 * a re-subscription after the client reconnected, takes the node off its near cache
 * until a heartbeat sent after that comes back through the channel.
 */
public class RedisNearCacheChannel implements PowNearCacheChannel, MessageListener, SubscriptionListener {

	private static final Log logger = LogFactory.getLog(RedisNearCacheChannel.class);

	private final StringRedisTemplate redis;

	private final String channel;

	private final Duration heartbeat;

	private final String node = UUID.randomUUID().toString();

	private RedisMessageListenerContainer container;

	private ScheduledExecutorService heartbeats;

	private Listener listener;

	// Guarded by this: the heartbeats sent, the first that counts after the last
	// (re)subscription, when one of ours last came back, and whether the channel is up.
	private long sent;

	private long countsFrom = Long.MAX_VALUE;

	private long lastHeard;

	private boolean connected;

	/**
	 * Create a channel.
	 * @param redis where to publish and subscribe
	 * @param channel the pub/sub channel's name
	 * @param heartbeat how often this node checks that its messages come back
	 */
	public RedisNearCacheChannel(StringRedisTemplate redis, String channel, Duration heartbeat) {
		Assert.isTrue(!heartbeat.isNegative() && !heartbeat.isZero(), "heartbeat must be positive");
		this.redis = redis;
		this.channel = channel;
		this.heartbeat = heartbeat;
	}

	@Override
	public void publish(String namespace, String key) {
		this.redis.convertAndSend(this.channel, InvalidationMessage.entry(this.node, namespace, key));
	}

	@Override
	public void start(Listener listener) {
		RedisMessageListenerContainer subscriber = new RedisMessageListenerContainer();
		synchronized (this) {
			if (this.container != null) {
				return;
			}
			this.listener = listener;
			this.container = subscriber;
		}
		subscriber.setConnectionFactory(this.redis.getRequiredConnectionFactory());
		// Invalidations are a map removal each: handled on the client's own thread, in order.
		subscriber.setTaskExecutor(new SyncTaskExecutor());
		subscriber.addMessageListener(this, new ChannelTopic(this.channel));
		subscriber.afterPropertiesSet();
		// Not under this object's lock: the subscription is confirmed through
		// onChannelSubscribed, which takes it.
		subscriber.start();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "pow-near-cache-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		synchronized (this) {
			this.heartbeats = scheduler;
		}
		scheduler.scheduleWithFixedDelay(this::beat, 0, this.heartbeat.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		RedisMessageListenerContainer stopping;
		synchronized (this) {
			stopping = this.container;
			this.container = null;
			if (this.heartbeats != null) {
				this.heartbeats.shutdownNow();
				this.heartbeats = null;
			}
			goDown();
		}
		if (stopping != null) {
			try {
				stopping.destroy();
			}
			catch (Exception ex) {
				logger.debug("Could not stop the near cache subscription cleanly", ex);
			}
		}
	}

	private void beat() {
		long sequence;
		synchronized (this) {
			if (this.connected && System.nanoTime() - this.lastHeard > 2 * this.heartbeat.toNanos()) {
				goDown();
			}
			sequence = ++this.sent;
		}
		try {
			this.redis.convertAndSend(this.channel, InvalidationMessage.heartbeat(this.node, sequence));
		}
		catch (RuntimeException ex) {
			logger.debug("Near cache heartbeat not sent: " + ex.getMessage());
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		InvalidationMessage.parse(new String(message.getBody(), StandardCharsets.UTF_8)).ifPresent((received) -> {
			if (!received.node().equals(this.node)) {
				if (!received.isHeartbeat()) {
					this.listener.invalidated(received.namespace(), received.key());
				}
			}
			else if (received.isHeartbeat()) {
				heard(Long.parseLong(received.key()));
			}
		});
	}

	private synchronized void heard(long sequence) {
		this.lastHeard = System.nanoTime();
		if (!this.connected && sequence >= this.countsFrom && this.container != null) {
			this.connected = true;
			this.listener.connected();
		}
	}

	// After the client reconnects it subscribes again, and anything published in between
	// is lost: flush, and trust the cache again once a heartbeat sent from now comes back.
	@Override
	public synchronized void onChannelSubscribed(byte[] channel, long count) {
		goDown();
		this.countsFrom = this.sent + 1;
	}

	@Override
	public synchronized void onChannelUnsubscribed(byte[] channel, long count) {
		goDown();
	}

	private void goDown() {
		if (this.connected) {
			this.connected = false;
		}
		if (this.listener != null) {
			this.listener.disconnected();
		}
	}

}
