package dev.powspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;

import dev.powspring.session.PowSessionManager;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.defaults.email.DefaultEmailUser;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Heap used per live in-memory session, beyond the one shared copy of each user: many
 * sessions of few users, measured as the growth of used heap after full collections.
 */
public final class HeapPerSessionBenchmark {

	private HeapPerSessionBenchmark() {
	}

	public static void main(String[] args) {
		int sessions = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		int users = 100;
		Clock clock = Clock.systemUTC();
		InMemoryPowStore store = new InMemoryPowStore(clock);
		PowSessionManager manager = new PowSessionManager(store, TokenSigner.random(), clock,
				new PowSessionManager.Settings("pow_session", Duration.ofHours(2), null, Duration.ofSeconds(30), null));
		DefaultEmailUser[] accounts = new DefaultEmailUser[users];
		for (int i = 0; i < users; i++) {
			accounts[i] = new DefaultEmailUser();
			ReflectionTestUtils.setField(accounts[i], "id", (long) i);
			accounts[i].setUserId("user" + i + "@example.com");
			manager.create(new MockHttpServletRequest(), new MockHttpServletResponse(), accounts[i]);
		}
		long before = usedHeap();
		for (int i = 0; i < sessions; i++) {
			manager.create(new MockHttpServletRequest(), new MockHttpServletResponse(), accounts[i % users]);
		}
		long after = usedHeap();
		double perSession = (after - before) / (double) sessions;
		System.out.printf("| heap per in-memory session | %.0f bytes (%d sessions of %d users; store size %d) |%n",
				perSession, sessions, users, store.size());
	}

	private static long usedHeap() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
