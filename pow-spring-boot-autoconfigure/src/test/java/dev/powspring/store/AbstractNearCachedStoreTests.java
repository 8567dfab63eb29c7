package dev.powspring.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.powspring.nearcache.NearCachedPowStore;
import dev.powspring.nearcache.PowNearCache;
import dev.powspring.nearcache.PowNearCacheChannel;
import dev.powspring.store.LinkedReadPowStore.Linked;
import dev.powspring.test.time.MutableClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store behind a near cache keeps the contract of every store, and two nodes, each
 * with its own near cache on the same backend, see each other's changes: a session ended
 * or a user copy replaced or removed on one (sign-out, rotation, password change, lock,
 * role change, deletion and revoking all sessions all come down to these) is no longer
 * served by the other once the change reaches it, and never after the maximum staleness.
 */
abstract class AbstractNearCachedStoreTests extends AbstractPowStoreContractTests {

	static final Duration MAX_STALENESS = Duration.ofSeconds(1);

	private static final String USERS = "credentials_user";

	private final List<PowNearCache> started = new ArrayList<>();

	/**
	 * Return the backend, empty, expiring entries by the given clock.
	 */
	protected abstract PowStore createBackend(MutableClock clock);

	/**
	 * Return a new invalidation channel on the backend, as a node of its own would have.
	 */
	protected abstract PowNearCacheChannel createChannel();

	@Override
	protected final PowStore createStore(MutableClock clock) {
		return node(createBackend(clock), clock);
	}

	private NearCachedPowStore node(PowStore backend, MutableClock clock) {
		PowNearCache cache = new PowNearCache(createChannel(), clock,
				new PowNearCache.Settings(MAX_STALENESS, 1000, 1 << 20), (value) -> 64);
		cache.start();
		this.started.add(cache);
		Awaitility.await("channel connected").atMost(Duration.ofSeconds(10)).until(cache::usable);
		return NearCachedPowStore.of(backend, cache);
	}

	@AfterEach
	void stopNearCaches() {
		this.started.forEach(PowNearCache::stop);
	}

	private NearCachedPowStore a() {
		return (NearCachedPowStore) getStore();
	}

	private NearCachedPowStore secondNode() {
		return node(a().backend(), getClock());
	}

	private Optional<Linked<String, String>> readOn(NearCachedPowStore node) {
		return node.getLinked(NAMESPACE, "session", String.class, USERS, String.class);
	}

	private void signIn(NearCachedPowStore node) {
		node.put(USERS, "7", "jane", TTL);
		node.put(NAMESPACE, "session", "jane's session", TTL, "7");
	}

	@Test
	void repeatedLinkedReadsAreServedFromTheNearCache() {
		signIn(a());
		readOn(a());
		long hits = a().nearCache().stats().hitCount();

		assertThat(readOn(a())).hasValue(new Linked<>("jane's session", Optional.of("jane"), "7"));
		assertThat(a().nearCache().stats().hitCount()).as("session and user from the near cache")
			.isEqualTo(hits + 2);
	}

	@Test
	void sessionEndedOnOneNodeIsNotServedByTheOther() {
		NearCachedPowStore b = secondNode();
		signIn(a());
		assertThat(readOn(a())).isPresent();
		assertThat(readOn(a())).as("now cached on A").isPresent();

		assertThat(b.delete(NAMESPACE, "session")).isTrue();

		Awaitility.await("A hears of it").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
			.until(() -> readOn(a()).isEmpty());
	}

	@Test
	void userCopyReplacedOrRemovedOnOneNodeIsSeenByTheOther() {
		NearCachedPowStore b = secondNode();
		signIn(a());
		readOn(a());
		readOn(a());

		b.put(USERS, "7", "jane, locked", TTL);
		Awaitility.await("the new copy").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
			.until(() -> readOn(a()).flatMap(Linked::linked).orElseThrow().equals("jane, locked"));

		b.delete(USERS, "7");
		Awaitility.await("no copy").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
			.until(() -> readOn(a()).orElseThrow().linked().isEmpty());
	}

	@Test
	void aChangeThatNoMessageAnnouncesIsSeenAfterTheMaximumStaleness() {
		signIn(a());
		readOn(a());
		// Written to the backend directly, as if the message about it were lost.
		a().backend().delete(NAMESPACE, "session");
		assertThat(readOn(a())).as("still cached").isPresent();

		getClock().advance(MAX_STALENESS);

		assertThat(readOn(a())).isEmpty();
	}

	@Test
	void aStoppedChannelTakesTheNodeOffItsNearCache() {
		signIn(a());
		readOn(a());
		a().backend().delete(NAMESPACE, "session");

		a().nearCache().stop();

		assertThat(a().nearCache().usable()).isFalse();
		assertThat(readOn(a())).as("read from the store").isEmpty();
	}

}
