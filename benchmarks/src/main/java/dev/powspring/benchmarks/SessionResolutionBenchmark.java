package dev.powspring.benchmarks;

import java.nio.charset.StandardCharsets;
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

	private PackedStrings cookieValues;

	private PackedStrings tokens;

	private Map<String, Object> plainMap;

	private PackedStrings plainKeys;

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
		this.cookieValues = new PackedStrings(sampled);
		this.tokens = new PackedStrings(sampled);
		for (int i = 0; i < this.sessions; i++) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.manager.create(new MockHttpServletRequest(), response, users[i % USERS]);
			if (i % spacing == 0 && i / spacing < sampled) {
				String header = response.getHeader("Set-Cookie");
				String value = header.substring("pow_session=".length(), header.indexOf(';'));
				this.cookieValues.set(i / spacing, value);
				this.tokens.set(i / spacing, value.substring(0, value.lastIndexOf('.')));
			}
		}
		this.plainMap = new ConcurrentHashMap<>();
		this.plainKeys = new PackedStrings(sampled);
		for (int i = 0; i < this.sessions; i++) {
			String token = TokenSigner.randomToken();
			this.plainMap.put(token, new Object());
			if (i % spacing == 0 && i / spacing < sampled) {
				this.plainKeys.set(i / spacing, token);
			}
		}
	}

	@Benchmark
	public Object resolve(Exchange exchange) {
		String value = this.cookieValues.copy(ThreadLocalRandom.current().nextInt(this.cookieValues.size()));
		exchange.request.setCookies(new Cookie("pow_session", value));
		return this.manager.resolve(exchange.request, exchange.response);
	}

	@Benchmark
	public Object storeLookup() {
		return this.store.getLinked(PowSessionManager.SESSIONS,
				this.tokens.copy(ThreadLocalRandom.current().nextInt(this.tokens.size())), SessionRecord.class,
				PowSessionManager.USERS, PowUser.class);
	}

	@Benchmark
	public Object mapLookup() {
		return this.plainMap.get(this.plainKeys.copy(ThreadLocalRandom.current().nextInt(this.plainKeys.size())));
	}

	/**
	 * Tokens side by side in one array, read back as fresh strings: a request's token
	 * arrives in a buffer that is already in the CPU's caches, not as an object somewhere
	 * in a large heap, so the benchmark must not time cache misses of its own.
	 */
	static final class PackedStrings {

		private static final int SLOT = 128;

		private final byte[] bytes;

		private final int[] lengths;

		PackedStrings(int size) {
			this.bytes = new byte[size * SLOT];
			this.lengths = new int[size];
		}

		void set(int index, String value) {
			byte[] encoded = value.getBytes(StandardCharsets.ISO_8859_1);
			if (encoded.length > SLOT) {
				throw new IllegalArgumentException("A token longer than " + SLOT + " bytes: " + value);
			}
			System.arraycopy(encoded, 0, this.bytes, index * SLOT, encoded.length);
			this.lengths[index] = encoded.length;
		}

		String copy(int index) {
			return new String(this.bytes, index * SLOT, this.lengths[index], StandardCharsets.ISO_8859_1);
		}

		int size() {
			return this.lengths.length;
		}

	}

	/**
	 * One request and response per thread, reused as a servlet container recycles its
	 * own, so that building mocks is not timed as if it were resolution.
	 */
	@State(Scope.Thread)
	public static class Exchange {

		final MockHttpServletRequest request = new MockHttpServletRequest();

		final MockHttpServletResponse response = new MockHttpServletResponse();

	}

}
