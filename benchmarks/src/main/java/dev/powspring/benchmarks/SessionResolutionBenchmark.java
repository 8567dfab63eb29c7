package dev.powspring.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SessionRecord;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.PowUser;
import dev.powspring.user.defaults.email.DefaultEmailUser;
import jakarta.servlet.http.Cookie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * in-memory store: the cost every authenticated request pays. {@code storeLookup} times
 * the store's part alone, the one read of a session and its user, so that how the total
 * grows with the number of sessions can be told apart from the constant work around it;
 * {@code mapLookup}, one read of a plain {@link ConcurrentHashMap} of as many random
 * tokens, is the floor any in-memory lookup of that size pays on this machine.
 * <p>
 * Requests come from {@code active} sessions spread evenly over all of them: with 1,000
 * the data they touch stays in the CPU's caches whatever the number of sessions, which
 * isolates how the code scales; with 10,000 most lookups of a large store miss the caches,
 * as on a busy server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// A heap that holds a million sessions without collecting during the measurement.
@Fork(value = 1, jvmArgsAppend = { "-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch" })
public class SessionResolutionBenchmark {

	private static final int USERS = 1000;


	@Param({ "1000", "100000", "1000000" })
	public int sessions;

	/** How many sessions the requests come from, at most {@code sessions}. */
	@Param({ "1000", "10000" })
	public int active;

	private PowSessionManager manager;

	private InMemoryPowStore store;

	private Cookie[] cookies;

	private String[] tokens;

	private Map<String, Object> plainMap;

	private String[] plainKeys;

	@Setup
	public void signIn() {
		Clock clock = Clock.systemUTC();
		// No rotation during the measurement: only the lookup is timed.
		this.store = new InMemoryPowStore(clock);
		this.manager = new PowSessionManager(this.store, TokenSigner.random(), clock,
				new PowSessionManager.Settings("pow_session", Duration.ofHours(2), null, Duration.ofSeconds(30),
						null));
		PowUser[] users = new PowUser[USERS];
		for (int i = 0; i < USERS; i++) {
			DefaultEmailUser user = new DefaultEmailUser();
			ReflectionTestUtils.setField(user, "id", (long) i);
			user.setUserId("user" + i + "@example.com");
			users[i] = user;
		}
		int sampled = Math.min(this.sessions, this.active);
		int spacing = this.sessions / sampled;
		this.cookies = new Cookie[sampled];
		this.tokens = new String[sampled];
		for (int i = 0; i < this.sessions; i++) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.manager.create(new MockHttpServletRequest(), response, users[i % USERS]);
			if (i % spacing == 0 && i / spacing < sampled) {
				String header = response.getHeader("Set-Cookie");
				String value = header.substring("pow_session=".length(), header.indexOf(';'));
				this.cookies[i / spacing] = new Cookie("pow_session", value);
				this.tokens[i / spacing] = value.substring(0, value.lastIndexOf('.'));
			}
		}
		this.plainMap = new ConcurrentHashMap<>();
		this.plainKeys = new String[sampled];
		for (int i = 0; i < this.sessions; i++) {
			String token = TokenSigner.randomToken();
			this.plainMap.put(token, new Object());
			if (i % spacing == 0 && i / spacing < sampled) {
				// A copy, as a token parsed from a request is.
				this.plainKeys[i / spacing] = new String(token.toCharArray());
			}
		}
	}

	@Benchmark
	public Object resolve() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(this.cookies[ThreadLocalRandom.current().nextInt(this.cookies.length)]);
		return this.manager.resolve(request, new MockHttpServletResponse());
	}

	@Benchmark
	public Object storeLookup() {
		return this.store.getLinked(PowSessionManager.SESSIONS,
				this.tokens[ThreadLocalRandom.current().nextInt(this.tokens.length)], SessionRecord.class,
				PowSessionManager.USERS, PowUser.class);
	}

	@Benchmark
	public Object mapLookup() {
		return this.plainMap.get(this.plainKeys[ThreadLocalRandom.current().nextInt(this.plainKeys.length)]);
	}

}
