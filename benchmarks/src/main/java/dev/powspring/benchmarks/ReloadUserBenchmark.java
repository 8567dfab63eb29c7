package dev.powspring.benchmarks;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What {@code pow.session.reload-user} adds to every signed-in request: reading the user
 * by primary key through the users service, from PostgreSQL on loopback. Compare it with
 * {@code SessionResolutionBenchmark.resolve} (the whole resolution from the memory store)
 * and {@code StoreBenchmark.getSessionAndUser} (the same from a shared store).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReloadUserBenchmark {

	private TestSchema schema;

	private ConfigurableApplicationContext context;

	private PowUsersService users;

	private Long id;

	@Setup
	public void start() {
		this.schema = PostgresTestDatabase.get().createSchema("ReloadUserBenchmark");
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.properties(this.schema.datasourcePropertyPairs())
			.properties("spring.main.web-application-type=none", "logging.level.root=warn",
					"spring.jpa.open-in-view=false", "pow.secret-key=benchmark-secret-key-0123456789abcdef",
					"pow.password.pbkdf2-iterations=1")
			.run();
		this.users = this.context.getBean(PowUsersService.class);
		this.id = this.users.create(new UserParams("jane@example.com", "secret1234", "secret1234")).user().getId();
	}

	@Benchmark
	public Optional<PowUser> reload() {
		return this.users.getById(this.id);
	}

	@TearDown
	public void stop() {
		this.context.close();
		this.schema.close();
	}

}
