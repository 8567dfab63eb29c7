package dev.powspring.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.powspring.benchmarks.SessionResolutionBenchmark.Exchange;
import dev.powspring.benchmarks.SessionResolutionBenchmark.PackedStrings;
import dev.powspring.session.PowSessionManager;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.tenant.PowTenantContext;
import dev.powspring.tenant.TenantScopedPowStore;
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
 * What multitenancy adds to resolving the signed-in user: the same 100,000 sessions in
 * the in-memory store, spread over three tenants, resolved with Pow's tenant scoping (keys
 * and principals prefixed with the tenant, tokens signed for it) and without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class TenantSessionResolutionBenchmark {

	private static final String[] TENANTS = { "acme", "globex", "initech" };

	private static final int SESSIONS = 100_000;

	private static final int ACTIVE = 1000;

	/** Whether the store and the signer are scoped to the current tenant. */
	@Param({ "false", "true" })
	public boolean scoped;

	private PowSessionManager manager;

	private PackedStrings cookieValues;

	private String[] tenantOf;

	@Setup
	public void signIn() {
		Clock clock = Clock.systemUTC();
		InMemoryPowStore memory = new InMemoryPowStore(clock);
		PowStore store = this.scoped ? TenantScopedPowStore.of(memory) : memory;
		TokenSigner signer = TokenSigner.random();
		if (this.scoped) {
			signer = signer.scopedBy(() -> PowTenantContext.current().orElse(null));
		}
		this.manager = new PowSessionManager(store, signer, clock, new PowSessionManager.Settings("pow_session",
				Duration.ofHours(2), null, Duration.ofSeconds(30), null));
		this.cookieValues = new PackedStrings(ACTIVE);
		this.tenantOf = new String[ACTIVE];
		int spacing = SESSIONS / ACTIVE;
		for (int i = 0; i < SESSIONS; i++) {
			String tenant = TENANTS[i % TENANTS.length];
			DefaultEmailUser user = new DefaultEmailUser();
			ReflectionTestUtils.setField(user, "id", (long) (i % 1000));
			user.setUserId("user" + (i % 1000) + "@example.com");
			MockHttpServletResponse response = new MockHttpServletResponse();
			PowTenantContext.runAs(tenant, () -> this.manager.create(new MockHttpServletRequest(), response, user));
			if (i % spacing == 0) {
				String header = response.getHeader("Set-Cookie");
				this.cookieValues.set(i / spacing, header.substring("pow_session=".length(), header.indexOf(';')));
				this.tenantOf[i / spacing] = tenant;
			}
		}
	}

	@Benchmark
	public Object resolve(Exchange exchange) {
		int index = ThreadLocalRandom.current().nextInt(ACTIVE);
		exchange.request.setCookies(new Cookie("pow_session", this.cookieValues.copy(index)));
		return PowTenantContext.callAs(this.tenantOf[index],
				() -> this.manager.resolve(exchange.request, exchange.response).map(PowUser::getId).orElseThrow());
	}

}
