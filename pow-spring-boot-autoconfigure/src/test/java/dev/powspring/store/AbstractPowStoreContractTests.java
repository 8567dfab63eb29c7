package dev.powspring.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import dev.powspring.test.time.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The behaviour every {@link PowStore} backend must have. A backend's tests extend this
 * class and implement {@link #createStore(MutableClock)}; the tests for
 * {@link PrincipalIndexedPowStore} are skipped for stores without that capability.
 */
public abstract class AbstractPowStoreContractTests {

	/**
	 * The namespace most tests write to.
	 */
	protected static final String NAMESPACE = "credentials";

	/**
	 * A second namespace, for tests that check namespaces are kept apart.
	 */
	protected static final String OTHER_NAMESPACE = "reset_token";

	/**
	 * The time to live most tests write with.
	 */
	protected static final Duration TTL = Duration.ofMinutes(30);

	private static final int THREADS = 16;

	private static final int ROUNDS = 8;

	private MutableClock clock;

	private PowStore store;

	/**
	 * Create the store under test, empty, expiring entries by the given clock.
	 * @param clock the clock the store must use
	 * @return the store
	 */
	protected abstract PowStore createStore(MutableClock clock);

	@BeforeEach
	void createClockAndStore() {
		this.clock = MutableClock.now();
		this.store = createStore(this.clock);
	}

	/**
	 * Return the clock that the store under test expires entries by.
	 * @return the clock
	 */
	protected final MutableClock getClock() {
		return this.clock;
	}

	/**
	 * Return the store under test.
	 * @return the store
	 */
	protected final PowStore getStore() {
		return this.store;
	}

	@Test
	void getWhenPutThenValue() {
		Credentials value = new Credentials("alice@example.com", 3);
		this.store.put(NAMESPACE, "key", value, TTL);
		assertThat(this.store.get(NAMESPACE, "key", Credentials.class)).contains(value);
	}

	@Test
	void getWhenPutStringThenValue() {
		this.store.put(NAMESPACE, "key", "value", TTL);
		assertThat(this.store.get(NAMESPACE, "key", String.class)).contains("value");
	}

	@Test
	void putWhenKeyExistsThenOverwrites() {
		this.store.put(NAMESPACE, "key", new Credentials("alice@example.com", 1), TTL);
		this.store.put(NAMESPACE, "key", new Credentials("alice@example.com", 2), TTL);
		assertThat(this.store.get(NAMESPACE, "key", Credentials.class))
			.contains(new Credentials("alice@example.com", 2));
	}

	@Test
	void putWhenKeyExistsWithOtherTypeThenOverwrites() {
		this.store.put(NAMESPACE, "key", new Credentials("alice@example.com", 1), TTL);
		this.store.put(NAMESPACE, "key", "value", TTL);
		assertThat(this.store.get(NAMESPACE, "key", String.class)).contains("value");
		assertThat(this.store.get(NAMESPACE, "key", Credentials.class)).isEmpty();
	}

	@Test
	void getWhenMissingThenEmpty() {
		assertThat(this.store.get(NAMESPACE, "missing", String.class)).isEmpty();
	}

	@Test
	void getWhenValueHasOtherTypeThenEmpty() {
		this.store.put(NAMESPACE, "key", new Credentials("alice@example.com", 1), TTL);
		assertThat(this.store.get(NAMESPACE, "key", String.class)).isEmpty();
		assertThat(this.store.get(NAMESPACE, "key", Credentials.class)).isPresent();
	}

	@Test
	void getWhenSameKeyInOtherNamespaceThenSeparateEntries() {
		this.store.put(NAMESPACE, "key", "first", TTL);
		assertThat(this.store.get(OTHER_NAMESPACE, "key", String.class)).isEmpty();
		this.store.put(OTHER_NAMESPACE, "key", "second", TTL);
		assertThat(this.store.get(NAMESPACE, "key", String.class)).contains("first");
		assertThat(this.store.get(OTHER_NAMESPACE, "key", String.class)).contains("second");
		assertThat(this.store.delete(OTHER_NAMESPACE, "key")).isTrue();
		assertThat(this.store.get(NAMESPACE, "key", String.class)).contains("first");
	}

	@Test
	void getWhenJustBeforeTtlThenValue() {
		this.store.put(NAMESPACE, "key", "value", TTL);
		this.clock.advance(TTL.minusMillis(1));
		assertThat(this.store.get(NAMESPACE, "key", String.class)).contains("value");
	}

	@Test
	void getWhenExactlyTtlElapsedThenEmpty() {
		this.store.put(NAMESPACE, "key", "value", TTL);
		this.clock.advance(TTL);
		assertThat(this.store.get(NAMESPACE, "key", String.class)).isEmpty();
	}

	@Test
	void getWhenMoreThanTtlElapsedThenEmpty() {
		this.store.put(NAMESPACE, "key", "value", TTL);
		this.clock.advance(TTL.plusDays(1));
		assertThat(this.store.get(NAMESPACE, "key", String.class)).isEmpty();
	}

	@Test
	void getWhenReadThenExpiryNotExtended() {
		this.store.put(NAMESPACE, "key", "value", TTL);
		this.clock.advance(TTL.dividedBy(2));
		assertThat(this.store.get(NAMESPACE, "key", String.class)).contains("value");
		this.clock.advance(TTL.dividedBy(2));
		assertThat(this.store.get(NAMESPACE, "key", String.class)).isEmpty();
	}

	@Test
	void putWhenRepeatedThenExpiryRestarts() {
		this.store.put(NAMESPACE, "key", "first", TTL);
		this.clock.advance(TTL.minusSeconds(1));
		this.store.put(NAMESPACE, "key", "second", TTL);
		this.clock.advance(TTL.minusSeconds(1));
		assertThat(this.store.get(NAMESPACE, "key", String.class)).contains("second");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.store.get(NAMESPACE, "key", String.class)).isEmpty();
	}

	@Test
	void putWhenRepeatedWithShorterTtlThenExpiresSooner() {
		this.store.put(NAMESPACE, "key", "first", TTL);
		this.store.put(NAMESPACE, "key", "second", Duration.ofSeconds(10));
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.store.get(NAMESPACE, "key", String.class)).isEmpty();
	}

	@Test
	void putWhenExpiredEntryExistsThenWrites() {
		this.store.put(NAMESPACE, "key", "first", TTL);
		this.clock.advance(TTL);
		this.store.put(NAMESPACE, "key", "second", TTL);
		assertThat(this.store.get(NAMESPACE, "key", String.class)).contains("second");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT0S", "-PT1S" })
	void putWhenTtlNotPositiveThenIllegalArgumentException(String ttl) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.put(NAMESPACE, "key", "value", Duration.parse(ttl)));
		assertThat(this.store.get(NAMESPACE, "key", String.class)).isEmpty();
	}

	@Test
	void putWhenTtlNullThenIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.put(NAMESPACE, "key", "value", null));
	}

	@Test
	void putWhenValueNullThenIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.put(NAMESPACE, "key", null, TTL));
	}

	@Test
	void deleteWhenLiveThenTrueOnce() {
		this.store.put(NAMESPACE, "key", "value", TTL);
		assertThat(this.store.delete(NAMESPACE, "key")).isTrue();
		assertThat(this.store.get(NAMESPACE, "key", String.class)).isEmpty();
		assertThat(this.store.delete(NAMESPACE, "key")).isFalse();
	}

	@Test
	void deleteWhenMissingThenFalse() {
		assertThat(this.store.delete(NAMESPACE, "missing")).isFalse();
	}

	@Test
	void deleteWhenExpiredThenFalse() {
		this.store.put(NAMESPACE, "key", "value", TTL);
		this.clock.advance(TTL);
		assertThat(this.store.delete(NAMESPACE, "key")).isFalse();
	}

	@Test
	void deleteWhenOtherNamespaceThenFalseAndEntryKept() {
		this.store.put(NAMESPACE, "key", "value", TTL);
		assertThat(this.store.delete(OTHER_NAMESPACE, "key")).isFalse();
		assertThat(this.store.get(NAMESPACE, "key", String.class)).contains("value");
	}

	@Test
	void deleteWhenConcurrentThenExactlyOneTrue() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String key = "token-" + round;
			this.store.put(NAMESPACE, key, "value", TTL);
			List<Boolean> results = runConcurrently(THREADS, (thread) -> this.store.delete(NAMESPACE, key));
			assertThat(results).as("round %d", round).containsOnlyOnce(true).hasSize(THREADS);
			assertThat(this.store.get(NAMESPACE, key, String.class)).isEmpty();
		}
	}

	@Test
	void putIfAbsentWhenMissingThenWrites() {
		assertThat(this.store.putIfAbsent(NAMESPACE, "lock", "owner", TTL)).isTrue();
		assertThat(this.store.get(NAMESPACE, "lock", String.class)).contains("owner");
	}

	@Test
	void putIfAbsentWhenLiveThenFalseAndEntryUnchanged() {
		this.store.putIfAbsent(NAMESPACE, "lock", "first", TTL);
		this.clock.advance(TTL.minusSeconds(1));
		assertThat(this.store.putIfAbsent(NAMESPACE, "lock", "second", TTL)).isFalse();
		assertThat(this.store.get(NAMESPACE, "lock", String.class)).contains("first");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.store.get(NAMESPACE, "lock", String.class)).isEmpty();
	}

	@Test
	void putIfAbsentWhenExpiredThenWrites() {
		this.store.putIfAbsent(NAMESPACE, "lock", "first", TTL);
		this.clock.advance(TTL);
		assertThat(this.store.putIfAbsent(NAMESPACE, "lock", "second", TTL)).isTrue();
		assertThat(this.store.get(NAMESPACE, "lock", String.class)).contains("second");
		this.clock.advance(TTL.minusSeconds(1));
		assertThat(this.store.get(NAMESPACE, "lock", String.class)).contains("second");
	}

	@Test
	void putIfAbsentWhenDeletedThenWrites() {
		this.store.putIfAbsent(NAMESPACE, "lock", "first", TTL);
		this.store.delete(NAMESPACE, "lock");
		assertThat(this.store.putIfAbsent(NAMESPACE, "lock", "second", TTL)).isTrue();
		assertThat(this.store.get(NAMESPACE, "lock", String.class)).contains("second");
	}

	@Test
	void putIfAbsentWhenLiveInOtherNamespaceThenWrites() {
		this.store.putIfAbsent(OTHER_NAMESPACE, "lock", "first", TTL);
		assertThat(this.store.putIfAbsent(NAMESPACE, "lock", "second", TTL)).isTrue();
	}

	@Test
	void putIfAbsentWhenConcurrentThenExactlyOneWins() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String key = "lock-" + round;
			List<Boolean> results = runConcurrently(THREADS,
					(thread) -> this.store.putIfAbsent(NAMESPACE, key, "owner-" + thread, TTL));
			assertThat(results).as("round %d", round).containsOnlyOnce(true).hasSize(THREADS);
			String winner = "owner-" + results.indexOf(true);
			assertThat(this.store.get(NAMESPACE, key, String.class)).contains(winner);
		}
	}

	@Test
	void incrementCountsWithinAFixedWindowThenStartsAgain() {
		CountingPowStore counting = counting();

		assertThat(counting.increment(NAMESPACE, "failures", TTL)).isEqualTo(1);
		getClock().advance(TTL.minusMinutes(1));
		assertThat(counting.increment(NAMESPACE, "failures", TTL)).isEqualTo(2);
		assertThat(this.store.get(NAMESPACE, "failures", Long.class)).contains(2L);
		getClock().advance(Duration.ofMinutes(1));

		assertThat(this.store.get(NAMESPACE, "failures", Long.class)).as("the window is fixed").isEmpty();
		assertThat(counting.increment(NAMESPACE, "failures", TTL)).isEqualTo(1);
	}

	@Test
	void incrementWhenConcurrentThenNoCountIsLost() throws Exception {
		CountingPowStore counting = counting();

		List<Long> counts = runConcurrently(THREADS, (thread) -> counting.increment(NAMESPACE, "failures", TTL));

		assertThat(counts).containsExactlyInAnyOrderElementsOf(
				LongStream.rangeClosed(1, THREADS).boxed().toList());
	}

	@Test
	void decrementGivesBackOneAndKeepsTheWindow() {
		CountingPowStore counting = counting();
		counting.increment(NAMESPACE, "attempts", TTL);
		counting.increment(NAMESPACE, "attempts", TTL);
		getClock().advance(TTL.minusMinutes(1));

		assertThat(counting.decrement(NAMESPACE, "attempts")).isEqualTo(1);
		assertThat(counting.increment(NAMESPACE, "attempts", TTL)).isEqualTo(2);
		getClock().advance(Duration.ofMinutes(1));

		assertThat(this.store.get(NAMESPACE, "attempts", Long.class)).as("the first increment's window").isEmpty();
	}

	@Test
	void decrementWhenNoLiveCounterThenZeroAndStillAbsent() {
		CountingPowStore counting = counting();

		assertThat(counting.decrement(NAMESPACE, "attempts")).isZero();
		assertThat(this.store.get(NAMESPACE, "attempts", Long.class)).isEmpty();
		counting.increment(NAMESPACE, "attempts", TTL);
		getClock().advance(TTL);
		assertThat(counting.decrement(NAMESPACE, "attempts")).as("expired").isZero();
	}

	@Test
	void decrementNeverGoesBelowZero() {
		CountingPowStore counting = counting();
		counting.increment(NAMESPACE, "attempts", TTL);

		assertThat(counting.decrement(NAMESPACE, "attempts")).isZero();
		assertThat(counting.decrement(NAMESPACE, "attempts")).isZero();
		assertThat(counting.increment(NAMESPACE, "attempts", TTL)).isEqualTo(1);
	}

	@Test
	void incrementAndDecrementWhenConcurrentThenNoChangeIsLost() throws Exception {
		CountingPowStore counting = counting();
		for (int i = 0; i < THREADS; i++) {
			counting.increment(NAMESPACE, "attempts", TTL);
		}

		runConcurrently(THREADS, (thread) -> (thread % 2 == 0) ? counting.decrement(NAMESPACE, "attempts")
				: counting.increment(NAMESPACE, "attempts", TTL));

		assertThat(this.store.get(NAMESPACE, "attempts", Long.class)).contains((long) THREADS);
	}

	@Test
	void deleteClearsACounter() {
		CountingPowStore counting = counting();
		counting.increment(NAMESPACE, "failures", TTL);

		assertThat(this.store.delete(NAMESPACE, "failures")).isTrue();
		assertThat(counting.increment(NAMESPACE, "failures", TTL)).isEqualTo(1);
	}

	private CountingPowStore counting() {
		assumeThat(this.store).as("store counts").isInstanceOf(CountingPowStore.class);
		return (CountingPowStore) this.store;
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT0S", "-PT1S" })
	void putIfAbsentWhenTtlNotPositiveThenIllegalArgumentException(String ttl) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.putIfAbsent(NAMESPACE, "lock", "owner", Duration.parse(ttl)));
		assertThat(this.store.get(NAMESPACE, "lock", String.class)).isEmpty();
	}

	@Test
	void getWhenPutWithPrincipalThenValue() {
		PrincipalIndexedPowStore store = principalIndexedStore();
		store.put(NAMESPACE, "session", "value", TTL, "alice");
		assertThat(store.get(NAMESPACE, "session", String.class)).contains("value");
	}

	@Test
	void findKeysByPrincipalWhenPutWithPrincipalThenKeysOfThatPrincipal() {
		PrincipalIndexedPowStore store = principalIndexedStore();
		store.put(NAMESPACE, "session-1", "value", TTL, "alice");
		store.put(NAMESPACE, "session-2", "value", TTL, "alice");
		store.put(NAMESPACE, "session-3", "value", TTL, "bob");
		store.put(NAMESPACE, "session-4", "value", TTL);
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).containsExactlyInAnyOrder("session-1", "session-2");
		assertThat(store.findKeysByPrincipal(NAMESPACE, "bob")).containsExactly("session-3");
	}

	@Test
	void findKeysByPrincipalWhenUnknownPrincipalThenEmpty() {
		PrincipalIndexedPowStore store = principalIndexedStore();
		store.put(NAMESPACE, "session", "value", TTL, "alice");
		assertThat(store.findKeysByPrincipal(NAMESPACE, "carol")).isEmpty();
	}

	@Test
	void findKeysByPrincipalWhenOtherNamespaceThenNotListed() {
		PrincipalIndexedPowStore store = principalIndexedStore();
		store.put(NAMESPACE, "session-1", "value", TTL, "alice");
		store.put(OTHER_NAMESPACE, "session-2", "value", TTL, "alice");
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).containsExactly("session-1");
		assertThat(store.findKeysByPrincipal(OTHER_NAMESPACE, "alice")).containsExactly("session-2");
	}

	@Test
	void findKeysByPrincipalWhenDeletedThenNotListed() {
		PrincipalIndexedPowStore store = principalIndexedStore();
		store.put(NAMESPACE, "session-1", "value", TTL, "alice");
		store.put(NAMESPACE, "session-2", "value", TTL, "alice");
		assertThat(store.delete(NAMESPACE, "session-1")).isTrue();
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).containsExactly("session-2");
		assertThat(store.delete(NAMESPACE, "session-2")).isTrue();
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).isEmpty();
	}

	@Test
	void findKeysByPrincipalWhenExpiredThenNotListed() {
		PrincipalIndexedPowStore store = principalIndexedStore();
		store.put(NAMESPACE, "session-1", "value", TTL, "alice");
		store.put(NAMESPACE, "session-2", "value", TTL.multipliedBy(2), "alice");
		this.clock.advance(TTL);
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).containsExactly("session-2");
		this.clock.advance(TTL);
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).isEmpty();
	}

	@Test
	void findKeysByPrincipalWhenPutWithOtherPrincipalThenMoved() {
		PrincipalIndexedPowStore store = principalIndexedStore();
		store.put(NAMESPACE, "session", "value", TTL, "alice");
		store.put(NAMESPACE, "session", "value", TTL, "bob");
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).isEmpty();
		assertThat(store.findKeysByPrincipal(NAMESPACE, "bob")).containsExactly("session");
	}

	@Test
	void findKeysByPrincipalWhenPutWithoutPrincipalThenUnindexed() {
		PrincipalIndexedPowStore store = principalIndexedStore();
		store.put(NAMESPACE, "session", "first", TTL, "alice");
		store.put(NAMESPACE, "session", "second", TTL);
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).isEmpty();
		assertThat(store.get(NAMESPACE, "session", String.class)).contains("second");
	}

	@Test
	void findKeysByPrincipalWhenPutIfAbsentReplacesExpiredEntryThenUnindexed() {
		PrincipalIndexedPowStore store = principalIndexedStore();
		store.put(NAMESPACE, "session", "first", TTL, "alice");
		this.clock.advance(TTL);
		assertThat(store.putIfAbsent(NAMESPACE, "session", "second", TTL)).isTrue();
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).isEmpty();
	}

	@Test
	void findKeysByPrincipalWhenPutWithSamePrincipalAgainThenListedOnce() {
		PrincipalIndexedPowStore store = principalIndexedStore();
		store.put(NAMESPACE, "session", "first", TTL, "alice");
		store.put(NAMESPACE, "session", "second", TTL, "alice");
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).containsExactly("session");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT0S", "-PT1S" })
	void putWithPrincipalWhenTtlNotPositiveThenIllegalArgumentException(String ttl) {
		PrincipalIndexedPowStore store = principalIndexedStore();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> store.put(NAMESPACE, "session", "value", Duration.parse(ttl), "alice"));
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).isEmpty();
	}

	@Test
	void putWithPrincipalWhenPrincipalNullThenIllegalArgumentException() {
		PrincipalIndexedPowStore store = principalIndexedStore();
		assertThatIllegalArgumentException().isThrownBy(() -> store.put(NAMESPACE, "session", "value", TTL, null));
		assertThat(store.get(NAMESPACE, "session", String.class)).isEmpty();
	}

	@Test
	void getLinkedThenTheEntryAndTheEntryItsPrincipalNames() {
		LinkedReadPowStore store = linkedReadStore();
		store.put(NAMESPACE, "session", "the session", TTL, "7");
		store.put(OTHER_NAMESPACE, "7", "user 7", TTL);
		store.put(OTHER_NAMESPACE, "8", "user 8", TTL);

		assertThat(store.getLinked(NAMESPACE, "session", String.class, OTHER_NAMESPACE, String.class))
			.hasValue(new LinkedReadPowStore.Linked<>("the session", Optional.of("user 7"), "7"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "principal:7", "~7" })
	void getLinkedWhenPrincipalLooksLikeAReservedKeyThenTheEntryWithThatKey(String principal) {
		LinkedReadPowStore store = linkedReadStore();
		store.put(NAMESPACE, "session", "the session", TTL, principal);
		store.put(OTHER_NAMESPACE, principal, "the user", TTL);

		assertThat(store.getLinked(NAMESPACE, "session", String.class, OTHER_NAMESPACE, String.class))
			.hasValue(new LinkedReadPowStore.Linked<>("the session", Optional.of("the user"), principal));
	}

	@Test
	void getLinkedWhenLinkedEntryMissingExpiredOrOfOtherTypeThenOnlyTheEntry() {
		LinkedReadPowStore store = linkedReadStore();
		store.put(NAMESPACE, "expired", "session", Duration.ofHours(1), "7");
		store.put(NAMESPACE, "missing", "session", Duration.ofHours(1), "8");
		store.put(NAMESPACE, "other-type", "session", Duration.ofHours(1), "9");
		store.put(NAMESPACE, "unindexed", "session", Duration.ofHours(1));
		store.put(OTHER_NAMESPACE, "7", "user 7", Duration.ofMinutes(1));
		store.put(OTHER_NAMESPACE, "9", 9L, Duration.ofHours(1));
		this.clock.advance(Duration.ofMinutes(2));

		Map<String, String> principals = new HashMap<>();
		principals.put("expired", "7");
		principals.put("missing", "8");
		principals.put("other-type", "9");
		principals.put("unindexed", null);
		principals.forEach((key, principal) -> assertThat(
				store.getLinked(NAMESPACE, key, String.class, OTHER_NAMESPACE, String.class))
			.as(key)
			.hasValue(new LinkedReadPowStore.Linked<>("session", Optional.empty(), principal)));
	}

	@Test
	void getLinkedWhenEntryMissingExpiredOrOfOtherTypeThenEmpty() {
		LinkedReadPowStore store = linkedReadStore();
		store.put(NAMESPACE, "expired", "session", Duration.ofMinutes(1), "7");
		store.put(NAMESPACE, "other-type", 1L, TTL, "7");
		store.put(OTHER_NAMESPACE, "7", "user 7", TTL);
		this.clock.advance(Duration.ofMinutes(1));

		for (String key : List.of("expired", "other-type", "missing")) {
			assertThat(store.getLinked(NAMESPACE, key, String.class, OTHER_NAMESPACE, String.class)).as(key).isEmpty();
		}
	}

	private LinkedReadPowStore linkedReadStore() {
		assumeThat(this.store).as("store with linked reads").isInstanceOf(LinkedReadPowStore.class);
		return (LinkedReadPowStore) this.store;
	}

	private PrincipalIndexedPowStore principalIndexedStore() {
		assumeThat(this.store).as("store with a principal index").isInstanceOf(PrincipalIndexedPowStore.class);
		return (PrincipalIndexedPowStore) this.store;
	}

	/**
	 * Run a task on several threads that all start at once, and return what each
	 * returned, in thread order.
	 * @param <T> the type of result
	 * @param threads the number of threads
	 * @param task the task, given the thread's index
	 * @return the results, indexed by thread
	 * @throws Exception if a task fails or the threads do not finish within ten seconds
	 */
	protected static <T> List<T> runConcurrently(int threads, IntFunction<T> task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int thread = i;
				futures.add(executor.submit(() -> {
					ready.countDown();
					start.await();
					return task.apply(thread);
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).as("threads ready").isTrue();
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(10, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * A value as the store's users write them: a plain record.
	 * @param userId the user id
	 * @param version a version number
	 */
	public record Credentials(String userId, int version) {

	}

}
