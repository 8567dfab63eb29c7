package dev.powspring.store;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.powspring.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryPowStore}: the {@link PowStore} contract, plus how it reclaims
 * the memory of expired entries.
 */
class InMemoryPowStoreTests extends AbstractPowStoreContractTests {

	@Override
	protected PowStore createStore(MutableClock clock) {
		return new InMemoryPowStore(clock);
	}

	private InMemoryPowStore store() {
		return (InMemoryPowStore) getStore();
	}

	@Test
	void removeExpiredWhenEntriesExpiredThenReclaimsEntriesAndIndexSlots() {
		InMemoryPowStore store = store();
		store.put(NAMESPACE, "session-1", "value", TTL, "alice");
		store.put(NAMESPACE, "session-2", "value", TTL, "alice");
		store.put(OTHER_NAMESPACE, "token", "value", TTL);
		store.put(NAMESPACE, "session-3", "value", TTL.multipliedBy(2), "bob");
		store.put(NAMESPACE, "plain", "value", TTL.multipliedBy(2));
		getClock().advance(TTL);
		assertThat(store.size()).isEqualTo(5);
		assertThat(store.removeExpired()).isEqualTo(3);
		assertThat(store.size()).isEqualTo(2);
		assertThat(store.principalIndexSize()).isEqualTo(1);
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).isEmpty();
		assertThat(store.findKeysByPrincipal(NAMESPACE, "bob")).containsExactly("session-3");
		assertThat(store.get(NAMESPACE, "plain", String.class)).contains("value");
	}

	@Test
	void removeExpiredWhenNothingExpiredThenKeepsAll() {
		InMemoryPowStore store = store();
		store.put(NAMESPACE, "session", "value", TTL, "alice");
		store.put(NAMESPACE, "plain", "value", TTL);
		getClock().advance(TTL.minusMillis(1));
		assertThat(store.removeExpired()).isZero();
		assertThat(store.size()).isEqualTo(2);
		assertThat(store.principalIndexSize()).isEqualTo(1);
	}

	@Test
	void removeExpiredWhenCalledAgainThenRemovesNothing() {
		InMemoryPowStore store = store();
		store.put(NAMESPACE, "session", "value", TTL, "alice");
		getClock().advance(TTL);
		assertThat(store.removeExpired()).isEqualTo(1);
		assertThat(store.removeExpired()).isZero();
		assertThat(store.size()).isZero();
		assertThat(store.principalIndexSize()).isZero();
	}

	@Test
	void getWhenExpiredThenEntryAndIndexSlotReclaimed() {
		InMemoryPowStore store = store();
		store.put(NAMESPACE, "session", "value", TTL, "alice");
		getClock().advance(TTL);
		assertThat(store.get(NAMESPACE, "session", String.class)).isEmpty();
		assertThat(store.size()).isZero();
		assertThat(store.principalIndexSize()).isZero();
	}

	@Test
	void findKeysByPrincipalWhenExpiredThenEntriesAndIndexSlotReclaimed() {
		InMemoryPowStore store = store();
		store.put(NAMESPACE, "session-1", "value", TTL, "alice");
		store.put(NAMESPACE, "session-2", "value", TTL, "alice");
		getClock().advance(TTL);
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).isEmpty();
		assertThat(store.size()).isZero();
		assertThat(store.principalIndexSize()).isZero();
	}

	@Test
	void deleteWhenIndexedThenIndexSlotReclaimed() {
		InMemoryPowStore store = store();
		store.put(NAMESPACE, "session", "value", TTL, "alice");
		store.delete(NAMESPACE, "session");
		assertThat(store.size()).isZero();
		assertThat(store.principalIndexSize()).isZero();
	}

	@Test
	void putWhenPrincipalChangesThenOldIndexSlotReclaimed() {
		InMemoryPowStore store = store();
		store.put(NAMESPACE, "session", "value", TTL, "alice");
		store.put(NAMESPACE, "session", "value", TTL, "bob");
		assertThat(store.principalIndexSize()).isEqualTo(1);
		store.put(NAMESPACE, "session", "value", TTL);
		assertThat(store.principalIndexSize()).isZero();
	}

	@Test
	void findKeysByPrincipalWhenResultModifiedThenUnsupportedAndStoreUnchanged() {
		InMemoryPowStore store = store();
		store.put(NAMESPACE, "session", "value", TTL, "alice");
		Set<String> keys = store.findKeysByPrincipal(NAMESPACE, "alice");
		assertThat(keys).isUnmodifiable();
		assertThat(store.findKeysByPrincipal(NAMESPACE, "alice")).containsExactly("session");
	}

	@Test
	void getWhenTtlBeyondEndOfTimeThenNeverExpires() {
		InMemoryPowStore store = store();
		store.put(NAMESPACE, "key", "value", Duration.ofSeconds(Long.MAX_VALUE));
		getClock().advance(Duration.ofDays(365L * 1000));
		assertThat(store.get(NAMESPACE, "key", String.class)).contains("value");
	}

	@Test
	void putDeleteAndExpiryWhenRacingOnOneKeyThenIndexStaysInStepWithEntries() throws Exception {
		InMemoryPowStore store = store();
		List<String> principals = List.of("alice", "bob", "carol");
		// A fresh key per round, so that a slot corrupted by one race cannot be repaired by
		// a later write of the same key.
		for (int round = 0; round < 200; round++) {
			String key = "session-" + round;
			store.put(NAMESPACE, key, "value", TTL, "alice");
			runConcurrently(8, (thread) -> {
				switch (thread) {
					case 0 -> store.put(NAMESPACE, key, "value", TTL);
					case 1 -> store.delete(NAMESPACE, key);
					case 2 -> store.putIfAbsent(NAMESPACE, key, "value", TTL);
					case 3 -> {
						getClock().advance(TTL);
						store.removeExpired();
					}
					default -> store.put(NAMESPACE, key, "value", TTL, principals.get(thread % principals.size()));
				}
				return null;
			});
			long listings = principals.stream()
				.filter((principal) -> store.findKeysByPrincipal(NAMESPACE, principal).contains(key))
				.count();
			assertThat(listings).as("principals listing %s", key).isLessThanOrEqualTo(1);
			if (listings == 1) {
				assertThat(store.get(NAMESPACE, key, String.class)).as(key).isPresent();
			}
		}
		// Once everything has expired, no index slot may be left behind.
		getClock().advance(TTL);
		store.removeExpired();
		assertThat(store.size()).isZero();
		assertThat(store.principalIndexSize()).isZero();
	}

}
