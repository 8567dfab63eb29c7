package dev.powspring.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.powspring.migration.PowMigrations;
import dev.powspring.session.SessionRecord;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.store.JdbcPowStore;
import dev.powspring.store.JsonValueCodec;
import dev.powspring.store.PowStore;
import dev.powspring.store.RedisPowStore;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.redis.RedisTestServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One read and one write of a session record, per store backend, on this machine's
 * PostgreSQL and Redis.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreBenchmark {

	@Param({ "memory", "jdbc", "redis" })
	public String backend;

	private PowStore store;

	private TestSchema schema;

	private final SessionRecord record = new SessionRecord(1L, "fingerprint", Clock.systemUTC().instant(), null,
			Map.of(), null);

	private final String key = UUID.randomUUID().toString();

	@Setup
	public void connect() {
		Clock clock = Clock.systemUTC();
		this.store = switch (this.backend) {
			case "memory" -> new InMemoryPowStore(clock);
			case "jdbc" -> jdbc(clock);
			case "redis" -> {
				RedisPowStore redis = new RedisPowStore(new StringRedisTemplate(RedisTestServer.get().connectionFactory()),
						new JsonValueCodec(), clock);
				redis.setKeyPrefix("pow-bench-" + UUID.randomUUID() + ":");
				yield redis;
			}
			default -> throw new IllegalArgumentException(this.backend);
		};
		this.store.put("credentials", this.key, this.record, Duration.ofMinutes(30));
	}

	private PowStore jdbc(Clock clock) {
		this.schema = PostgresTestDatabase.get().createSchema("StoreBenchmark");
		Map<String, Object> properties = this.schema.datasourceProperties();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(this.schema.jdbcUrl(),
				(String) properties.get("spring.datasource.username"), (String) properties.get("spring.datasource.password"));
		new PowMigrations(dataSource, List.of("classpath:db/pow/migration/store_jdbc"), Map.of()).migrate();
		// One connection, kept open: what a pool gives a request.
		return new JdbcPowStore(JdbcClient.create(new SingleConnectionDataSource(
				this.schema.jdbcUrl(), (String) properties.get("spring.datasource.username"),
				(String) properties.get("spring.datasource.password"), true)), new JsonValueCodec(), clock);
	}

	@TearDown
	public void dropSchema() {
		if (this.schema != null) {
			this.schema.close();
		}
	}

	@Benchmark
	public Object get() {
		return this.store.get("credentials", this.key, SessionRecord.class);
	}

	@Benchmark
	public void put() {
		this.store.put("credentials", this.key, this.record, Duration.ofMinutes(30));
	}

}
