package dev.powspring.store;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.powspring.session.SessionRecord;
import dev.powspring.test.redis.RedisTestServer;
import dev.powspring.test.time.MutableClock;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Redis store against a real Redis, under a key prefix of this class's own, plus how
 * it lays entries out and expires them natively.
 */
class RedisPowStoreTests extends AbstractPowStoreContractTests {

	private static final String PREFIX = "pow-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";

	private static StringRedisTemplate redis;

	@BeforeAll
	static void connect() {
		redis = new StringRedisTemplate(RedisTestServer.get().connectionFactory());
	}

	@BeforeEach
	void deleteKeysOfThisClass() {
		deleteKeysWithPrefix();
	}

	@AfterAll
	static void deleteKeysLeftBehind() {
		deleteKeysWithPrefix();
	}

	private static void deleteKeysWithPrefix() {
		RedisTestServer.get().deleteKeysWithPrefix(PREFIX);
	}

	@Override
	protected PowStore createStore(MutableClock clock) {
		RedisPowStore store = new RedisPowStore(redis, new JsonValueCodec(), clock);
		store.setKeyPrefix(PREFIX);
		return store;
	}

	private RedisPowStore store() {
		return (RedisPowStore) getStore();
	}

	@Test
	void putThenEntryIsHashWithTypeJsonExpiryAndPrincipal() {
		store().put(NAMESPACE, "session", "a value", TTL, "alice");

		Map<Object, Object> hash = redis.opsForHash().entries(PREFIX + NAMESPACE + ":session");
		assertThat(hash).containsOnly(Map.entry("t", "java.lang.String"), Map.entry("v", "\"a value\""),
				Map.entry("e", Long.toString(getClock().millis() + TTL.toMillis())), Map.entry("p", "alice"));
		assertThat(redis.opsForSet().members(PREFIX + NAMESPACE + ":principal:alice")).containsExactly("session");
	}

	@Test
	void putWithoutPrincipalThenHashHasNoPrincipalField() {
		store().put(NAMESPACE, "key", "value", TTL);

		assertThat(redis.opsForHash().keys(PREFIX + NAMESPACE + ":key")).containsExactlyInAnyOrder("t", "v", "e");
	}

	@Test
	void putThenNativeTtlIsSetAndAtMostTheTtl() {
		store().put(NAMESPACE, "key", "value", TTL);
		store().putIfAbsent(NAMESPACE, "lock", "owner", Duration.ofSeconds(10));

		assertThat(pttl(PREFIX + NAMESPACE + ":key")).isPositive().isLessThanOrEqualTo(TTL.toMillis());
		assertThat(pttl(PREFIX + NAMESPACE + ":lock")).isPositive().isLessThanOrEqualTo(10_000L);
	}

	@Test
	void putWithPrincipalThenIndexLivesAtLeastAsLongAsItsLongestEntry() {
		store().put(NAMESPACE, "session-1", "value", TTL.multipliedBy(2), "alice");
		store().put(NAMESPACE, "session-2", "value", TTL, "alice");

		assertThat(pttl(PREFIX + NAMESPACE + ":principal:alice")).isGreaterThan(TTL.toMillis())
			.isLessThanOrEqualTo(TTL.multipliedBy(2).toMillis());
	}

	@Test
	void putWhenTtlBeyondEndOfTimeThenCappedRatherThanRejected() {
		store().put(NAMESPACE, "key", "value", Duration.ofSeconds(Long.MAX_VALUE));
		getClock().advance(Duration.ofDays(365L * 99));

		assertThat(store().get(NAMESPACE, "key", String.class)).contains("value");
		assertThat(pttl(PREFIX + NAMESPACE + ":key")).isPositive();
	}

	@Test
	void findKeysByPrincipalWhenEntriesExpiredThenDeadIndexMembersRemoved() {
		store().put(NAMESPACE, "session-1", "value", TTL, "alice");
		store().put(NAMESPACE, "session-2", "value", TTL.multipliedBy(2), "alice");
		String index = PREFIX + NAMESPACE + ":principal:alice";
		getClock().advance(TTL);

		assertThat(store().findKeysByPrincipal(NAMESPACE, "alice")).containsExactly("session-2");
		assertThat(redis.opsForSet().members(index)).containsExactly("session-2");
	}

	@Test
	void findKeysByPrincipalWhenEntryGoneFromRedisThenIndexMemberRemoved() {
		store().put(NAMESPACE, "session-1", "value", TTL, "alice");
		store().put(NAMESPACE, "session-2", "value", TTL, "alice");
		String index = PREFIX + NAMESPACE + ":principal:alice";
		// As if Redis had reclaimed the entry natively, or evicted it.
		redis.delete(PREFIX + NAMESPACE + ":session-1");

		assertThat(store().findKeysByPrincipal(NAMESPACE, "alice")).containsExactly("session-2");
		assertThat(redis.opsForSet().members(index)).containsExactly("session-2");
	}

	@Test
	void putWhenPrincipalChangesThenOldIndexEmptiedAndRemoved() {
		store().put(NAMESPACE, "session", "value", TTL, "alice");
		store().put(NAMESPACE, "session", "value", TTL, "bob");

		assertThat(redis.hasKey(PREFIX + NAMESPACE + ":principal:alice")).isFalse();
		store().put(NAMESPACE, "session", "value", TTL);
		assertThat(redis.hasKey(PREFIX + NAMESPACE + ":principal:bob")).isFalse();
	}

	@Test
	void deleteWhenIndexedThenIndexMemberRemoved() {
		store().put(NAMESPACE, "session", "value", TTL, "alice");

		assertThat(store().delete(NAMESPACE, "session")).isTrue();
		assertThat(redis.hasKey(PREFIX + NAMESPACE + ":principal:alice")).isFalse();
		assertThat(redis.hasKey(PREFIX + NAMESPACE + ":session")).isFalse();
	}

	@Test
	void putWhenKeyLooksLikeAPrincipalIndexThenBothStayApart() {
		store().put(NAMESPACE, "session", "value", TTL, "alice");
		store().put(NAMESPACE, "principal:alice", "not an index", TTL, "bob");
		store().put(NAMESPACE, "~tilde", "escaped too", TTL, "bob");

		assertThat(store().get(NAMESPACE, "principal:alice", String.class)).contains("not an index");
		assertThat(store().get(NAMESPACE, "~tilde", String.class)).contains("escaped too");
		assertThat(store().findKeysByPrincipal(NAMESPACE, "alice")).containsExactly("session");
		assertThat(store().findKeysByPrincipal(NAMESPACE, "bob")).containsExactlyInAnyOrder("principal:alice",
				"~tilde");
		assertThat(store().delete(NAMESPACE, "principal:alice")).isTrue();
		assertThat(store().findKeysByPrincipal(NAMESPACE, "alice")).containsExactly("session");
	}

	@Test
	void getWhenValueWrittenByAnotherReleaseWithExtraAndMissingFieldsThenStillReads() {
		redis.opsForHash()
			.putAll(PREFIX + NAMESPACE + ":old", Map.of("t", "dev.powspring.session.SessionRecord", "v",
					"{\"userId\":7,\"fingerprint\":\"f\",\"insertedAt\":\"2026-01-01T00:00:00Z\",\"addedLater\":true}",
					"e", Long.toString(getClock().millis() + Duration.ofDays(1).toMillis())));

		assertThat(store().get(NAMESPACE, "old", SessionRecord.class)).hasValueSatisfying((record) -> {
			assertThat(record.userId()).isEqualTo(7L);
			assertThat(record.fingerprint()).isEqualTo("f");
			assertThat(record.rotatedAt()).isNull();
			assertThat(record.metadata()).isEmpty();
		});
	}

	@Test
	void getWhenHashLacksExpiryThenEmpty() {
		redis.opsForHash().putAll(PREFIX + NAMESPACE + ":broken", Map.of("t", "java.lang.String", "v", "\"x\""));

		assertThat(store().get(NAMESPACE, "broken", String.class)).isEmpty();
	}

	@Test
	void operationsWhenRedisUnreachableThenPowStoreUnavailableException() {
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(1))
			.clientOptions(ClientOptions.builder()
				.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
				.build())
			.build();
		// Port 1 on loopback: nothing listens there.
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
				client);
		factory.afterPropertiesSet();
		factory.start();
		try {
			RedisPowStore store = new RedisPowStore(new StringRedisTemplate(factory), new JsonValueCodec(), getClock());

			assertThatExceptionOfType(PowStoreUnavailableException.class)
				.isThrownBy(() -> store.get(NAMESPACE, "key", String.class))
				.withMessageContaining("Redis");
			assertThatExceptionOfType(PowStoreUnavailableException.class)
				.isThrownBy(() -> store.put(NAMESPACE, "key", "value", TTL))
				.withMessageContaining("Redis");
			assertThatExceptionOfType(PowStoreUnavailableException.class)
				.isThrownBy(() -> store.put(NAMESPACE, "key", "value", TTL, "alice"));
			assertThatExceptionOfType(PowStoreUnavailableException.class)
				.isThrownBy(() -> store.putIfAbsent(NAMESPACE, "key", "value", TTL));
			assertThatExceptionOfType(PowStoreUnavailableException.class)
				.isThrownBy(() -> store.delete(NAMESPACE, "key"));
			assertThatExceptionOfType(PowStoreUnavailableException.class)
				.isThrownBy(() -> store.findKeysByPrincipal(NAMESPACE, "alice"));
		}
		finally {
			factory.destroy();
		}
	}

	private static long pttl(String key) {
		Long ttl = redis.getExpire(key, TimeUnit.MILLISECONDS);
		assertThat(ttl).as("PTTL of %s", key).isNotNull();
		return ttl;
	}

}
