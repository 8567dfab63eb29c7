package dev.powspring.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * A store in Redis, shared by every node that uses the server.
 * <p>
 * Each entry is a hash at {@code {prefix}{namespace}:{key}} with the fields {@code t}
 * (the value's type), {@code v} (the value as JSON, see {@link JsonValueCodec}),
 * {@code e} (when it expires, in epoch milliseconds) and {@code p} (its principal, absent
 * when it has none). A key that begins with {@code principal:} or {@code ~} is written as
 * {@code ~{key}}, so that no entry can land on a principal index.
 * <p>
 * Expiry is twofold. The {@code e} field is written from the injected {@link Clock} and
 * decides what is live: an entry whose expiry is not after the clock's now is never
 * returned, and reading never extends it. This is what lets tests move time with a
 * mutable clock, and what keeps every node's view consistent with its own clock. On top
 * of it, every hash gets a native {@code PEXPIRE} of its time to live in real time, so
 * that Redis reclaims memory by itself and no sweeping job is needed.
 * <p>
 * A principal's index is a set at {@code {prefix}{namespace}:principal:{principal}} that
 * holds the keys of its entries, with a native expiry at least as long as theirs.
 * Writes and deletes keep it in step; {@link #findKeysByPrincipal(String, String)}
 * returns only the members whose entries are live and still belong to the principal, and
 * removes the others.
 * <p>
 * Every operation that changes more than one thing runs as a Lua script, so it is atomic
 * on the server; {@link #get(String, String, Class)} is a single {@code HMGET}. The
 * scripts derive the key of a previous principal's index from the entry, so the store
 * needs a standalone or replicated Redis rather than Redis Cluster.
 * <p>
 * Every Redis failure surfaces as a {@link PowStoreUnavailableException}.
 */
public class RedisPowStore implements LinkedReadPowStore, CountingPowStore {

	// Redis rejects an expiry past the end of its clock; a century is forever for Pow.
	private static final Duration LONGEST_TTL = Duration.ofDays(365L * 100);

	private static final String INDEX_SEGMENT = "principal:";

	private static final String ESCAPE = "~";

	// Lettuce may be absent (an application on Jedis), so its exception type is resolved
	// by name rather than named in a catch clause.
	private static final Class<?> LETTUCE_FAILURE = resolve("io.lettuce.core.RedisException");

	// KEYS: entry, the new principal's index (when there is a principal). ARGV: type,
	// json, expiry, native ttl, index prefix, member, principal (when there is one).
	private static final RedisScript<Long> PUT = RedisScript.of("""
			local previous = redis.call('HGET', KEYS[1], 'p')
			redis.call('DEL', KEYS[1])
			if ARGV[7] then
				redis.call('HSET', KEYS[1], 't', ARGV[1], 'v', ARGV[2], 'e', ARGV[3], 'p', ARGV[7])
			else
				redis.call('HSET', KEYS[1], 't', ARGV[1], 'v', ARGV[2], 'e', ARGV[3])
			end
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			if previous and previous ~= ARGV[7] then
				redis.call('SREM', ARGV[5] .. previous, ARGV[6])
			end
			if ARGV[7] then
				redis.call('SADD', KEYS[2], ARGV[6])
				if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[4]) then
					redis.call('PEXPIRE', KEYS[2], ARGV[4])
				end
			end
			return 1
			""", Long.class);

	// KEYS: entry. ARGV: type, json, expiry, native ttl, index prefix, member, now.
	private static final RedisScript<Long> PUT_IF_ABSENT = RedisScript.of("""
			local current = redis.call('HMGET', KEYS[1], 'e', 'p')
			local expiry = current[1] and tonumber(current[1])
			if expiry and expiry > tonumber(ARGV[7]) then
				return 0
			end
			if current[2] then
				redis.call('SREM', ARGV[5] .. current[2], ARGV[6])
			end
			redis.call('DEL', KEYS[1])
			redis.call('HSET', KEYS[1], 't', ARGV[1], 'v', ARGV[2], 'e', ARGV[3])
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			return 1
			""", Long.class);

	// KEYS: entry. ARGV: now, index prefix, member. An expired entry is removed too, but
	// only a live one counts as deleted.
	private static final RedisScript<Long> DELETE = RedisScript.of("""
			local current = redis.call('HMGET', KEYS[1], 'e', 'p')
			if redis.call('DEL', KEYS[1]) == 0 then
				return 0
			end
			if current[2] then
				redis.call('SREM', ARGV[2] .. current[2], ARGV[3])
			end
			local expiry = current[1] and tonumber(current[1])
			if expiry and expiry > tonumber(ARGV[1]) then
				return 1
			end
			return 0
			""", Long.class);

	// KEYS: the principal's index. ARGV: entry key prefix, now, principal.
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static final RedisScript<List<String>> FIND_KEYS_BY_PRINCIPAL = (RedisScript) RedisScript.of("""
			local now = tonumber(ARGV[2])
			local live = {}
			for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
				local entry = redis.call('HMGET', ARGV[1] .. member, 'e', 'p')
				local expiry = entry[1] and tonumber(entry[1])
				if expiry and expiry > now and entry[2] == ARGV[3] then
					live[#live + 1] = member
				else
					redis.call('SREM', KEYS[1], member)
				end
			end
			return live
			""", List.class);

	private static final List<String> READ_FIELDS = List.of("t", "v", "e");

	// KEYS[1] the counter; ARGV[1] now, ARGV[2] its expiry if new, ARGV[3] native TTL.
	private static final RedisScript<Long> INCREMENT = RedisScript.of("""
			local e = redis.call('HGET', KEYS[1], 'e')
			local t = redis.call('HGET', KEYS[1], 't')
			if e and tonumber(e) > tonumber(ARGV[1]) and t == 'java.lang.Long' then
				return redis.call('HINCRBY', KEYS[1], 'v', 1)
			end
			redis.call('DEL', KEYS[1])
			redis.call('HSET', KEYS[1], 't', 'java.lang.Long', 'v', '1', 'e', ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return 1
			""", Long.class);

	// KEYS[1] the counter; ARGV[1] now. Takes one from a live count above zero, keeping
	// its expiry; returns the count after, or 0 when there is no live count.
	private static final RedisScript<Long> DECREMENT = RedisScript.of("""
			local e = redis.call('HGET', KEYS[1], 'e')
			local t = redis.call('HGET', KEYS[1], 't')
			if not e or tonumber(e) <= tonumber(ARGV[1]) or t ~= 'java.lang.Long' then return 0 end
			local v = tonumber(redis.call('HGET', KEYS[1], 'v'))
			if v <= 0 then return v end
			return redis.call('HINCRBY', KEYS[1], 'v', -1)
			""", Long.class);

	// KEYS[1] the entry; ARGV[1] now, ARGV[2] the linked entry's key prefix. Returns {}
	// when the entry is missing or expired, else its type and JSON and the type, JSON and
	// expiry of the entry its principal names ('' when missing), and the principal itself
	// ('' when none). The principal becomes an entry key as member() makes one.
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static final RedisScript<List<String>> GET_LINKED = (RedisScript) RedisScript.of("""
			local a = redis.call('HMGET', KEYS[1], 't', 'v', 'e', 'p')
			if not a[1] or not a[2] or not a[3] or tonumber(a[3]) <= tonumber(ARGV[1]) then return {} end
			if not a[4] then return {a[1], a[2], '', '', '', ''} end
			local link = a[4]
			if string.sub(link, 1, 10) == 'principal:' or string.sub(link, 1, 1) == '~' then link = '~' .. link end
			local b = redis.call('HMGET', ARGV[2] .. link, 't', 'v', 'e')
			return {a[1], a[2], b[1] or '', b[2] or '', b[3] or '', a[4]}
			""", List.class);

	private final StringRedisTemplate redis;

	private final JsonValueCodec codec;

	private final Clock clock;

	private String keyPrefix = "pow:";

	/**
	 * Create a store.
	 * @param redis the template to reach Redis with
	 * @param codec turns values into JSON and back
	 * @param clock the clock that entries expire by
	 */
	public RedisPowStore(StringRedisTemplate redis, JsonValueCodec codec, Clock clock) {
		Assert.notNull(redis, "redis must not be null");
		Assert.notNull(codec, "codec must not be null");
		Assert.notNull(clock, "clock must not be null");
		this.redis = redis;
		this.codec = codec;
		this.clock = clock;
	}

	/**
	 * Set what every Redis key of this store begins with, so that several applications
	 * (or test classes) can share a server. Defaults to {@code "pow:"}.
	 * @param keyPrefix the prefix, possibly empty
	 */
	public void setKeyPrefix(String keyPrefix) {
		Assert.notNull(keyPrefix, "keyPrefix must not be null");
		this.keyPrefix = keyPrefix;
	}

	@Override
	public void put(String namespace, String key, Object value, Duration ttl) {
		write(namespace, key, value, ttl, null);
	}

	@Override
	public void put(String namespace, String key, Object value, Duration ttl, String principal) {
		requireNonNull(principal, "principal");
		write(namespace, key, value, ttl, principal);
	}

	private void write(String namespace, String key, Object value, Duration ttl, String principal) {
		check(namespace, key, value, ttl);
		JsonValueCodec.Encoded encoded = this.codec.encode(value);
		Duration capped = cap(ttl);
		String member = member(key);
		List<String> keys = new ArrayList<>(List.of(entryKey(namespace, member)));
		List<String> args = new ArrayList<>(List.of(encoded.type(), encoded.json(), expiry(capped),
				nativeTtl(capped), indexPrefix(namespace), member));
		if (principal != null) {
			keys.add(indexPrefix(namespace) + principal);
			args.add(principal);
		}
		access(() -> this.redis.execute(PUT, keys, args.toArray()));
	}

	@Override
	public <T> Optional<T> get(String namespace, String key, Class<T> type) {
		requireNonNull(namespace, "namespace");
		requireNonNull(key, "key");
		requireNonNull(type, "type");
		List<String> fields = access(() -> this.redis.<String, String>opsForHash()
			.multiGet(entryKey(namespace, member(key)), READ_FIELDS));
		if (fields == null || fields.size() != READ_FIELDS.size()) {
			return Optional.empty();
		}
		String valueType = fields.get(0);
		String json = fields.get(1);
		if (valueType == null || json == null || !isLive(fields.get(2))) {
			return Optional.empty();
		}
		return this.codec.decode(valueType, json, type);
	}

	@Override
	public <A, B> Optional<Linked<A, B>> getLinked(String namespace, String key, Class<A> type,
			String linkNamespace, Class<B> linkType) {
		requireNonNull(namespace, "namespace");
		requireNonNull(key, "key");
		requireNonNull(type, "type");
		requireNonNull(linkNamespace, "linkNamespace");
		requireNonNull(linkType, "linkType");
		List<String> fields = access(() -> this.redis.execute(GET_LINKED, List.of(entryKey(namespace, member(key))),
				now(), entryKey(linkNamespace, "")));
		if (fields == null || fields.size() < 6) {
			return Optional.empty();
		}
		String principal = fields.get(5).isEmpty() ? null : fields.get(5);
		Optional<B> linked = (fields.get(3).isEmpty() || !isLive(fields.get(4))) ? Optional.empty()
				: this.codec.decode(fields.get(2), fields.get(3), linkType);
		return this.codec.decode(fields.get(0), fields.get(1), type).map((value) -> new Linked<>(value, linked, principal));
	}

	@Override
	public long increment(String namespace, String key, Duration window) {
		check(namespace, key, 0L, window);
		Duration capped = cap(window);
		Long count = access(() -> this.redis.execute(INCREMENT, List.of(entryKey(namespace, member(key))), now(),
				expiry(capped), nativeTtl(capped)));
		return (count != null) ? count : 1L;
	}

	@Override
	public long decrement(String namespace, String key) {
		requireNonNull(namespace, "namespace");
		requireNonNull(key, "key");
		Long count = access(() -> this.redis.execute(DECREMENT, List.of(entryKey(namespace, member(key))), now()));
		return (count != null) ? count : 0L;
	}

	@Override
	public boolean delete(String namespace, String key) {
		requireNonNull(namespace, "namespace");
		requireNonNull(key, "key");
		String member = member(key);
		Long deleted = access(() -> this.redis.execute(DELETE, List.of(entryKey(namespace, member)), now(),
				indexPrefix(namespace), member));
		return Long.valueOf(1).equals(deleted);
	}

	@Override
	public boolean putIfAbsent(String namespace, String key, Object value, Duration ttl) {
		check(namespace, key, value, ttl);
		JsonValueCodec.Encoded encoded = this.codec.encode(value);
		Duration capped = cap(ttl);
		String member = member(key);
		Long written = access(() -> this.redis.execute(PUT_IF_ABSENT, List.of(entryKey(namespace, member)),
				encoded.type(), encoded.json(), expiry(capped), nativeTtl(capped), indexPrefix(namespace), member,
				now()));
		return Long.valueOf(1).equals(written);
	}

	@Override
	public Set<String> findKeysByPrincipal(String namespace, String principal) {
		requireNonNull(namespace, "namespace");
		requireNonNull(principal, "principal");
		List<String> members = access(() -> this.redis.execute(FIND_KEYS_BY_PRINCIPAL,
				List.of(indexPrefix(namespace) + principal), this.keyPrefix + namespace + ":", now(), principal));
		if (members == null) {
			return Set.of();
		}
		return Set.copyOf(members.stream().map(RedisPowStore::key).toList());
	}

	private boolean isLive(String expiry) {
		if (expiry == null) {
			return false;
		}
		try {
			return Long.parseLong(expiry) > this.clock.millis();
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private String entryKey(String namespace, String member) {
		return this.keyPrefix + namespace + ":" + member;
	}

	private String indexPrefix(String namespace) {
		return this.keyPrefix + namespace + ":" + INDEX_SEGMENT;
	}

	// The part of an entry's Redis key after the namespace, also what an index holds.
	private static String member(String key) {
		return (key.startsWith(INDEX_SEGMENT) || key.startsWith(ESCAPE)) ? ESCAPE + key : key;
	}

	private static String key(String member) {
		return member.startsWith(ESCAPE) ? member.substring(ESCAPE.length()) : member;
	}

	private String now() {
		return Long.toString(this.clock.millis());
	}

	private String expiry(Duration capped) {
		Instant now = this.clock.instant();
		return Long.toString(now.plus(capped).toEpochMilli());
	}

	// Rounded up: a PEXPIRE of zero would delete the entry at once.
	private static String nativeTtl(Duration capped) {
		long millis = capped.toMillis();
		if (capped.getNano() % 1_000_000 != 0) {
			millis++;
		}
		return Long.toString(millis);
	}

	private static Duration cap(Duration ttl) {
		return (ttl.compareTo(LONGEST_TTL) > 0) ? LONGEST_TTL : ttl;
	}

	private static <T> T access(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
		catch (RuntimeException ex) {
			if (LETTUCE_FAILURE != null && LETTUCE_FAILURE.isInstance(ex)) {
				throw unavailable(ex);
			}
			throw ex;
		}
	}

	private static PowStoreUnavailableException unavailable(RuntimeException ex) {
		return new PowStoreUnavailableException("Redis behind Pow's store failed or cannot be reached: " + ex.getMessage(),
				ex);
	}

	private static void check(String namespace, String key, Object value, Duration ttl) {
		requireNonNull(namespace, "namespace");
		requireNonNull(key, "key");
		requireNonNull(value, "value");
		if (ttl == null || ttl.isZero() || ttl.isNegative()) {
			throw new IllegalArgumentException("ttl must be positive, but was " + ttl);
		}
	}

	private static void requireNonNull(Object value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
	}

	private static Class<?> resolve(String className) {
		ClassLoader classLoader = RedisPowStore.class.getClassLoader();
		return ClassUtils.isPresent(className, classLoader) ? ClassUtils.resolveClassName(className, classLoader) : null;
	}

}
