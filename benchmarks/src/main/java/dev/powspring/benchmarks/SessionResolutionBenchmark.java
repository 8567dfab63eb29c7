package dev.powspring.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.powspring.session.PowSessionManager;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.PowUser;
import dev.powspring.user.defaults.email.DefaultEmailUser;
import jakarta.servlet.http.Cookie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Resolving the signed-in user from a request's cookie, with many live sessions in the
 * in-memory store: the cost every authenticated request pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SessionResolutionBenchmark {

	private static final int USERS = 1000;

	@Param({ "1000", "100000", "1000000" })
	public int sessions;

	private PowSessionManager manager;

	private Cookie[] cookies;

	@Setup
	public void signIn() {
		Clock clock = Clock.systemUTC();
		// No rotation during the measurement: only the lookup is timed.
		this.manager = new PowSessionManager(new InMemoryPowStore(clock), TokenSigner.random(), clock,
				new PowSessionManager.Settings("pow_session", Duration.ofHours(2), null, Duration.ofSeconds(30),
						null));
		PowUser[] users = new PowUser[USERS];
		for (int i = 0; i < USERS; i++) {
			DefaultEmailUser user = new DefaultEmailUser();
			ReflectionTestUtils.setField(user, "id", (long) i);
			user.setUserId("user" + i + "@example.com");
			users[i] = user;
		}
		this.cookies = new Cookie[Math.min(this.sessions, 10_000)];
		for (int i = 0; i < this.sessions; i++) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.manager.create(new MockHttpServletRequest(), response, users[i % USERS]);
			if (i < this.cookies.length) {
				String header = response.getHeader("Set-Cookie");
				this.cookies[i] = new Cookie("pow_session", header.substring("pow_session=".length(), header.indexOf(';')));
			}
		}
	}

	@Benchmark
	public Object resolve() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(this.cookies[ThreadLocalRandom.current().nextInt(this.cookies.length)]);
		return this.manager.resolve(request, new MockHttpServletResponse());
	}

}
