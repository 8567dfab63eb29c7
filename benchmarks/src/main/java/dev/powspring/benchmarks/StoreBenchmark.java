package dev.powspring.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.powspring.migration.PowMigrations;
import dev.powspring.nearcache.NearCachedPowStore;
import dev.powspring.nearcache.PostgresNearCacheChannel;
import dev.powspring.nearcache.PowNearCache;
import dev.powspring.nearcache.PowNearCacheChannel;
import dev.powspring.nearcache.RedisNearCacheChannel;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SessionRecord;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.store.JdbcPowStore;
import dev.powspring.store.JsonValueCodec;
import dev.powspring.store.LinkedReadPowStore;
import dev.powspring.store.RedisPowStore;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.redis.RedisTestServer;
import dev.powspring.user.PowUser;
import dev.powspring.user.defaults.email.DefaultEmailUser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * One read and one write of a session record, per store backend, on this machine's
 * PostgreSQL and Redis; the read of a session with its user that every authenticated
 * request makes; and an empty round trip to the backend, the floor of any read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreBenchmark {

	@Param({ "memory", "jdbc", "redis", "jdbc-near-cache", "redis-near-cache" })
	public String backend;

	private PowNearCache nearCache;

	private LinkedReadPowStore store;

	// What one round trip to the backend costs with nothing to do at the other end.
	private Supplier<Object> emptyRoundTrip;

	private TestSchema schema;

	private JdbcClient jdbc;

	private DataSource listenDataSource;

	private final SessionRecord record = new SessionRecord(1L, "fingerprint", Clock.systemUTC().instant(), null,
			Map.of(), null);

	private final String key = UUID.randomUUID().toString();

	@Setup
	public void connect() {
		Clock clock = Clock.systemUTC();
		this.store = switch (this.backend.replace("-near-cache", "")) {
			case "memory" -> {
				this.emptyRoundTrip = () -> null;
				yield new InMemoryPowStore(clock);
			}
			case "jdbc" -> jdbc(clock);
			case "redis" -> {
				StringRedisTemplate template = new StringRedisTemplate(RedisTestServer.get().connectionFactory());
				this.emptyRoundTrip = () -> template.execute(RedisConnection::ping);
				RedisPowStore redis = new RedisPowStore(template, new JsonValueCodec(), clock);
				redis.setKeyPrefix("pow-bench-" + UUID.randomUUID() + ":");
				yield redis;
			}
			default -> throw new IllegalArgumentException(this.backend);
		};
		if (this.backend.endsWith("-near-cache")) {
			this.store = nearCached(this.store, clock);
		}
		this.store.put("credentials", this.key, this.record, Duration.ofMinutes(30));
		DefaultEmailUser user = new DefaultEmailUser();
		ReflectionTestUtils.setField(user, "id", 1L);
		user.setUserId("user@example.com");
		this.store.put(PowSessionManager.USERS, "1", user, Duration.ofMinutes(30));
		this.store.put(PowSessionManager.SESSIONS, this.key, this.record, Duration.ofMinutes(30), "1");
	}

	private LinkedReadPowStore jdbc(Clock clock) {
		this.schema = PostgresTestDatabase.get().createSchema("StoreBenchmark");
		Map<String, Object> properties = this.schema.datasourceProperties();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(this.schema.jdbcUrl(),
				(String) properties.get("spring.datasource.username"), (String) properties.get("spring.datasource.password"));
		new PowMigrations(dataSource, List.of("classpath:db/pow/migration/store_jdbc"), Map.of()).migrate();
		// One connection, kept open: what a pool gives a request.
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(this.schema.jdbcUrl(),
				(String) properties.get("spring.datasource.username"),
				(String) properties.get("spring.datasource.password"), true));
		this.jdbc = jdbc;
		this.listenDataSource = dataSource;
		this.emptyRoundTrip = () -> jdbc.sql("SELECT 1").query(Integer.class).single();
		// Set up as Pow's auto-configuration sets it up on PostgreSQL.
		JdbcPowStore store = new JdbcPowStore(jdbc, new JsonValueCodec(), clock);
		store.setPostgresUpserts(true);
		return store;
	}

	// The store behind a node's near cache, its channel on the same backend.
	private LinkedReadPowStore nearCached(LinkedReadPowStore backendStore, Clock clock) {
		PowNearCacheChannel channel = (backendStore instanceof RedisPowStore redis)
				? new RedisNearCacheChannel(new StringRedisTemplate(RedisTestServer.get().connectionFactory()),
						"pow-bench-near-cache-" + this.key, Duration.ofMillis(250))
				: new PostgresNearCacheChannel(this.listenDataSource, this.jdbc, Duration.ofMillis(250));
		this.nearCache = new PowNearCache(channel, clock, new PowNearCache.Settings(Duration.ofSeconds(1), 100_000,
				64L << 20), (value) -> 64);
		this.nearCache.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!this.nearCache.usable()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Near cache channel did not connect");
			}
			Thread.onSpinWait();
		}
		return NearCachedPowStore.of(backendStore, this.nearCache);
	}

	@TearDown
	public void dropSchema() {
		if (this.nearCache != null) {
			this.nearCache.stop();
		}
		if (this.schema != null) {
			this.schema.close();
		}
	}

	@Benchmark
	public Object get() {
		return this.store.get("credentials", this.key, SessionRecord.class);
	}

	/**
	 * What every authenticated request reads: a session and its user.
	 */
	@Benchmark
	public Object getSessionAndUser() {
		return this.store.getLinked(PowSessionManager.SESSIONS, this.key, SessionRecord.class, PowSessionManager.USERS,
				PowUser.class);
	}

	/**
	 * The floor of any read: a round trip that carries nothing ({@code SELECT 1}, Redis
	 * {@code PING}).
	 */
	@Benchmark
	public Object emptyRoundTrip() {
		return this.emptyRoundTrip.get();
	}

	@Benchmark
	public void put() {
		this.store.put("credentials", this.key, this.record, Duration.ofMinutes(30));
	}

}
