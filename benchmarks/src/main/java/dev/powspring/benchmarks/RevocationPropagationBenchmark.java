package dev.powspring.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import dev.powspring.migration.PowMigrations;
import dev.powspring.nearcache.NearCachedPowStore;
import dev.powspring.nearcache.PostgresNearCacheChannel;
import dev.powspring.nearcache.PowNearCache;
import dev.powspring.nearcache.PowNearCacheChannel;
import dev.powspring.nearcache.RedisNearCacheChannel;
import dev.powspring.session.PowSessionManager;
import dev.powspring.store.JdbcPowStore;
import dev.powspring.store.JsonValueCodec;
import dev.powspring.store.LinkedReadPowStore;
import dev.powspring.store.RedisPowStore;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.redis.RedisTestServer;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a revocation on one node takes to reach another node's near cache, per shared
 * store backend: two nodes in this JVM, each with its own near cache and its own
 * invalidation channel (PostgreSQL LISTEN/NOTIFY, Redis pub/sub) on this machine's
 * servers. Node A reads a session, so that it is in A's near cache; node B deletes it; the
 * time from the start of B's delete to A dropping its copy is one sample.
 * <p>
 * Arguments: the number of revocations per backend, and the file to write (figures and
 * target rows, as Markdown).
 */
public final class RevocationPropagationBenchmark {

	private static final double MEDIAN_TARGET_MS = 50;

	private static final double P99_TARGET_MS = 200;

	private static final Duration TTL = Duration.ofMinutes(30);

	private static final Duration HEARTBEAT = Duration.ofMillis(250);

	private RevocationPropagationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int revocations = Integer.parseInt(args[0]);
		StringBuilder figures = new StringBuilder();
		StringBuilder targets = new StringBuilder();
		figures.append("| Store | Revocations | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |\n|---|---|---|---|---|---|\n");
		for (String backend : List.of("jdbc", "redis")) {
			try (Backend nodes = Backend.of(backend)) {
				double[] millis = measure(nodes, revocations);
				Arrays.sort(millis);
				double median = percentile(millis, 50);
				double p99 = percentile(millis, 99);
				figures.append(String.format("| %s | %,d | %.2f | %.2f | %.2f | %.2f |%n", backend, revocations, median,
						percentile(millis, 90), p99, millis[millis.length - 1]));
				targets.append(String.format("| revocation seen on the other node, %s store, median | at most %.0f ms | "
						+ "%.2f ms | %s |%n", backend, MEDIAN_TARGET_MS, median, verdict(median <= MEDIAN_TARGET_MS)));
				targets.append(String.format("| revocation seen on the other node, %s store, p99 | at most %.0f ms | "
						+ "%.2f ms | %s |%n", backend, P99_TARGET_MS, p99, verdict(p99 <= P99_TARGET_MS)));
			}
		}
		Path out = Path.of(args[1]);
		Files.writeString(out.resolveSibling("revocation.md"), figures);
		Files.writeString(out.resolveSibling("revocation-targets.md"), targets);
		System.out.print(figures);
	}

	private static double[] measure(Backend nodes, int revocations) throws InterruptedException {
		double[] millis = new double[revocations];
		for (int i = 0; i < revocations; i++) {
			String key = "revoked-" + i;
			nodes.a().put(PowSessionManager.USERS, "1", "user 1", TTL);
			nodes.a().put(PowSessionManager.SESSIONS, key, "session " + i, TTL, "1");
			if (read(nodes.a(), key).isEmpty() || read(nodes.a(), key).isEmpty()) {
				throw new IllegalStateException("Session " + key + " not readable on node A");
			}
			CountDownLatch heard = nodes.heardOnA(key);
			long start = System.nanoTime();
			nodes.b().delete(PowSessionManager.SESSIONS, key);
			if (!heard.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Node A never heard of revocation " + i);
			}
			millis[i] = (nodes.heardAt(key) - start) / 1e6;
			if (read(nodes.a(), key).isPresent()) {
				throw new IllegalStateException("Node A still serves revoked session " + key);
			}
		}
		return millis;
	}

	private static Optional<?> read(LinkedReadPowStore node, String key) {
		return node.getLinked(PowSessionManager.SESSIONS, key, String.class, PowSessionManager.USERS, String.class);
	}

	private static double percentile(double[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static String verdict(boolean met) {
		return met ? "met" : "MISSED";
	}

	/**
	 * Two nodes on one backend; node A's channel notes when each invalidation reached its
	 * near cache.
	 */
	private static final class Backend implements AutoCloseable {

		private final Map<String, CountDownLatch> awaited = new ConcurrentHashMap<>();

		private final Map<String, Long> heardAt = new ConcurrentHashMap<>();

		private final List<PowNearCache> caches = new ArrayList<>();

		private final List<AutoCloseable> resources = new ArrayList<>();

		private NearCachedPowStore a;

		private NearCachedPowStore b;

		static Backend of(String backend) {
			Backend nodes = new Backend();
			if (backend.equals("jdbc")) {
				TestSchema schema = PostgresTestDatabase.get().createSchema("RevocationPropagation");
				Map<String, Object> properties = schema.datasourceProperties();
				HikariDataSource dataSource = new HikariDataSource();
				dataSource.setJdbcUrl(schema.jdbcUrl());
				dataSource.setUsername((String) properties.get("spring.datasource.username"));
				dataSource.setPassword((String) properties.get("spring.datasource.password"));
				new PowMigrations(dataSource, List.of("classpath:db/pow/migration/store_jdbc"), Map.of()).migrate();
				nodes.resources.add(schema);
				nodes.resources.add(dataSource);
				JdbcClient jdbc = JdbcClient.create(dataSource);
				JdbcPowStore store = new JdbcPowStore(jdbc, new JsonValueCodec(), Clock.systemUTC());
				store.setPostgresUpserts(true);
				nodes.start(store, () -> new PostgresNearCacheChannel(dataSource, jdbc, HEARTBEAT));
			}
			else {
				StringRedisTemplate redis = new StringRedisTemplate(RedisTestServer.get().connectionFactory());
				String prefix = "pow-revocation-" + UUID.randomUUID() + ":";
				RedisPowStore store = new RedisPowStore(redis, new JsonValueCodec(), Clock.systemUTC());
				store.setKeyPrefix(prefix);
				nodes.start(store, () -> new RedisNearCacheChannel(redis, prefix + "near-cache", HEARTBEAT));
			}
			return nodes;
		}

		private void start(LinkedReadPowStore store, Supplier<PowNearCacheChannel> channels) {
			this.a = NearCachedPowStore.of(store, cache(new Timed(channels.get())));
			this.b = NearCachedPowStore.of(store, cache(channels.get()));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!this.caches.stream().allMatch(PowNearCache::usable)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Near cache channels did not connect");
				}
				Thread.onSpinWait();
			}
		}

		private PowNearCache cache(PowNearCacheChannel channel) {
			PowNearCache cache = new PowNearCache(channel, Clock.systemUTC(),
					new PowNearCache.Settings(Duration.ofSeconds(1), 100_000, 64L << 20), (value) -> 64);
			cache.start();
			this.caches.add(cache);
			return cache;
		}

		NearCachedPowStore a() {
			return this.a;
		}

		NearCachedPowStore b() {
			return this.b;
		}

		CountDownLatch heardOnA(String key) {
			CountDownLatch latch = new CountDownLatch(1);
			this.awaited.put(key, latch);
			return latch;
		}

		long heardAt(String key) {
			return this.heardAt.remove(key);
		}

		@Override
		public void close() throws Exception {
			for (PowNearCache cache : this.caches) {
				cache.stop();
			}
			for (AutoCloseable resource : this.resources) {
				resource.close();
			}
		}

		/**
		 * Node A's channel: passes everything on, and notes when an awaited key's
		 * invalidation has been applied.
		 */
		private final class Timed implements PowNearCacheChannel {

			private final PowNearCacheChannel channel;

			Timed(PowNearCacheChannel channel) {
				this.channel = channel;
			}

			@Override
			public void publish(String namespace, String key) {
				this.channel.publish(namespace, key);
			}

			@Override
			public void start(Listener listener) {
				this.channel.start(new Listener() {

					@Override
					public void invalidated(String namespace, String key) {
						listener.invalidated(namespace, key);
						CountDownLatch latch = Backend.this.awaited.remove(key);
						if (latch != null) {
							Backend.this.heardAt.put(key, System.nanoTime());
							latch.countDown();
						}
					}

					@Override
					public void connected() {
						listener.connected();
					}

					@Override
					public void disconnected() {
						listener.disconnected();
					}

				});
			}

			@Override
			public void stop() {
				this.channel.stop();
			}

		}

	}

}
