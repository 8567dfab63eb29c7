package dev.powspring.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.powspring.store.InMemoryPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SingleUseLinkTokens}.
 */
class SingleUseLinkTokensTests {

	private static final Duration TTL = Duration.ofMinutes(15);

	private static final String NAMESPACE = "test_link";

	private final TokenSigner signer = TokenSigner.fromSecret("0123456789abcdef0123456789abcdef-test-secret");

	private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

	private final InMemoryPowStore store = new InMemoryPowStore(this.clock);

	private final SingleUseLinkTokens<LinkRecord> tokens = tokens(this.store, "test_link");

	@Test
	void findWhenIssuedThenRecordWithExpiryAndTokenStaysUsable() {
		String signed = this.tokens.issue(this.tokens.generate(), (expiresAt) -> new LinkRecord(7L, expiresAt));

		assertThat(this.tokens.find(signed)).contains(new LinkRecord(7L, this.clock.instant().plus(TTL)));
		assertThat(this.tokens.find(signed)).isPresent();
		assertThat(this.tokens.consume(signed)).isPresent();
	}

	@Test
	void issueThenStoreKeepsOnlyTheHashIndexedByUser() {
		String token = this.tokens.generate();
		String signed = this.tokens.issue(token, (expiresAt) -> new LinkRecord(7L, expiresAt));

		assertThat(signed).startsWith(token + ".");
		assertThat(this.store.get(NAMESPACE, token, LinkRecord.class)).isEmpty();
		assertThat(this.store.findKeysByPrincipal(NAMESPACE, "7")).containsExactly(TokenHashes.sha256(token));
	}

	@Test
	void consumeWhenConsumedThenGoneForFindAndConsume() {
		String signed = issue(7L);

		Optional<SingleUseLinkTokens.Consumed<LinkRecord>> consumed = this.tokens.consume(signed);

		assertThat(consumed).hasValueSatisfying((used) -> assertThat(used.record().userId()).isEqualTo(7L));
		assertThat(this.tokens.find(signed)).isEmpty();
		assertThat(this.tokens.consume(signed)).isEmpty();
	}

	@Test
	void consumeWhenConcurrentThenExactlyOneSucceeds() throws Exception {
		String signed = issue(7L);
		int consumers = 16;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(consumers);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < consumers; i++) {
				results.add(threads.submit(() -> {
					start.await();
					return this.tokens.consume(signed).isPresent();
				}));
			}
			start.countDown();
			int succeeded = 0;
			for (Future<Boolean> result : results) {
				succeeded += result.get() ? 1 : 0;
			}
			assertThat(succeeded).isEqualTo(1);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void findWhenTtlElapsedThenEmpty() {
		String signed = issue(7L);

		this.clock.advance(TTL.minusMillis(1));
		assertThat(this.tokens.find(signed)).isPresent();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.tokens.find(signed)).isEmpty();
		assertThat(this.tokens.consume(signed)).isEmpty();
	}

	@Test
	void findWhenExpiredButStoreStillKeepsTheEntryThenEmpty() {
		// A store whose TTL runs late, as one that rounds up would.
		InMemoryPowStore lateStore = new InMemoryPowStore(MutableClock.at(this.clock.instant()));
		SingleUseLinkTokens<LinkRecord> tokens = tokens(lateStore, "test_link");
		String signed = tokens.issue(tokens.generate(), (expiresAt) -> new LinkRecord(7L, expiresAt));

		this.clock.advance(TTL);

		assertThat(tokens.find(signed)).isEmpty();
		assertThat(tokens.consume(signed)).isEmpty();
	}

	@Test
	void findWhenSignedForAnotherPurposeThenEmpty() {
		SingleUseLinkTokens<LinkRecord> others = tokens(this.store, "other_link");
		String token = others.generate();
		String signedForOther = others.issue(token, (expiresAt) -> new LinkRecord(7L, expiresAt));

		assertThat(this.tokens.find(signedForOther)).isEmpty();
		assertThat(this.tokens.consume(signedForOther)).isEmpty();
		assertThat(this.tokens.find(this.signer.sign("other_link", token))).isEmpty();
		assertThat(others.find(signedForOther)).isPresent();
	}

	@Test
	void findWhenTamperedThenEmpty() {
		String signed = issue(7L);

		assertThat(this.tokens.find(signed + "x")).isEmpty();
		assertThat(this.tokens.find(signed.substring(0, signed.indexOf('.')))).isEmpty();
	}

	@Test
	void restoreWhenNotExpiredThenUsableAgainUntilItsOwnExpiry() {
		String signed = issue(7L);
		SingleUseLinkTokens.Consumed<LinkRecord> consumed = this.tokens.consume(signed).orElseThrow();
		this.clock.advance(Duration.ofMinutes(10));

		this.tokens.restore(consumed);

		assertThat(this.tokens.find(signed)).isPresent();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.tokens.find(signed)).isEmpty();
	}

	@Test
	void restoreWhenExpiredThenStaysGone() {
		String signed = issue(7L);
		SingleUseLinkTokens.Consumed<LinkRecord> consumed = this.tokens.consume(signed).orElseThrow();
		this.clock.advance(TTL);

		this.tokens.restore(consumed);

		assertThat(this.store.get(NAMESPACE, TokenHashes.sha256(consumed.token()), LinkRecord.class)).isEmpty();
		assertThat(this.tokens.find(signed)).isEmpty();
	}

	@Test
	void revokeAllThenOnlyThatUsersTokensGone() {
		String first = issue(7L);
		String second = issue(7L);
		String others = issue(8L);

		this.tokens.revokeAll(7L);

		assertThat(this.tokens.find(first)).isEmpty();
		assertThat(this.tokens.find(second)).isEmpty();
		assertThat(this.tokens.find(others)).isPresent();
	}

	@Test
	void consumeWhenStoreWithoutPrincipalIndexThenSingleUse() {
		SingleUseLinkTokens<LinkRecord> tokens = tokens(new PlainStore(this.store), "test_link");
		String signed = tokens.issue(tokens.generate(), (expiresAt) -> new LinkRecord(7L, expiresAt));

		assertThat(this.store.findKeysByPrincipal(NAMESPACE, "7")).isEmpty();
		assertThat(tokens.consume(signed)).isPresent();
		assertThat(tokens.consume(signed)).isEmpty();
	}

	private String issue(Long userId) {
		return this.tokens.issue(this.tokens.generate(), (expiresAt) -> new LinkRecord(userId, expiresAt));
	}

	private SingleUseLinkTokens<LinkRecord> tokens(PowStore store, String purpose) {
		return new SingleUseLinkTokens<>(store, this.signer, this.clock, NAMESPACE, purpose, LinkRecord.class, TTL);
	}

	record LinkRecord(Long userId, Instant expiresAt) implements SingleUseLinkTokens.TokenRecord {

	}

	/**
	 * A store without the principal index.
	 */
	private record PlainStore(PowStore delegate) implements PowStore {

		@Override
		public void put(String namespace, String key, Object value, Duration ttl) {
			this.delegate.put(namespace, key, value, ttl);
		}

		@Override
		public <T> Optional<T> get(String namespace, String key, Class<T> type) {
			return this.delegate.get(namespace, key, type);
		}

		@Override
		public boolean delete(String namespace, String key) {
			return this.delegate.delete(namespace, key);
		}

		@Override
		public boolean putIfAbsent(String namespace, String key, Object value, Duration ttl) {
			return this.delegate.putIfAbsent(namespace, key, value, ttl);
		}

	}

}
