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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The users service's {@code authenticate} on PostgreSQL at Pow's default password cost:
 * the user lookup and the password check a sign-in pays, without HTTP. Compare with
 * {@link PasswordVerifyBenchmark}, the check alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuthenticateBenchmark {

	private static final String PASSWORD = "correct horse battery staple";

	/** Whose credentials are checked: a known user's right password, or an unknown user. */
	@Param({ "known", "unknown" })
	public String user;

	private TestSchema schema;

	private ConfigurableApplicationContext context;

	private PowUsersService users;

	private String userId;

	@Setup
	public void start() {
		this.schema = PostgresTestDatabase.get().createSchema("AuthenticateBenchmark");
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.properties(this.schema.datasourcePropertyPairs())
			.properties("spring.main.web-application-type=none", "logging.level.root=warn",
					"spring.jpa.open-in-view=false", "pow.secret-key=benchmark-secret-key-0123456789abcdef")
			.run();
		this.users = this.context.getBean(PowUsersService.class);
		this.users.create(new UserParams("known@example.com", PASSWORD, PASSWORD));
		this.userId = this.user.equals("known") ? "known@example.com" : "unknown@example.com";
	}

	@Benchmark
	public Optional<PowUser> authenticate() {
		return this.users.authenticate(this.userId, PASSWORD);
	}

	@TearDown
	public void stop() {
		this.context.close();
		this.schema.close();
	}

}
