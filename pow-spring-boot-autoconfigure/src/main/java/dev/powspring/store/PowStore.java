package dev.powspring.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Key/value entries that expire, grouped by namespace (for example
 * {@code "credentials"} or {@code "reset_token"}). The same key in two namespaces names
 * two unrelated entries.
 * <p>
 * Every entry has a time to live that starts when it is written. Once it has elapsed the
 * entry is gone for every operation, whether or not the backend has reclaimed its
 * storage yet. Reading an entry never extends its life; only writing it again does.
 * <p>
 * Values are treated as immutable: a caller must not mutate a value after putting it or
 * after getting it, since the in-memory backend hands out the stored instance itself.
 * Backends that keep entries outside the JVM will serialize values as JSON (in a later
 * release), so values should be plain records or beans.
 * <p>
 * Implementations are thread-safe, and each operation is atomic for its key.
 *
 * @see PrincipalIndexedPowStore
 */
public interface PowStore {

	/**
	 * Write an entry, replacing any entry under the same key. The entry expires
	 * {@code ttl} after this call, whatever the previous entry's expiry was.
	 * @param namespace the namespace
	 * @param key the key within the namespace
	 * @param value the value, treated as immutable from now on
	 * @param ttl how long the entry lives, positive
	 * @throws IllegalArgumentException if an argument is {@code null} or {@code ttl} is
	 * zero or negative
	 */
	void put(String namespace, String key, Object value, Duration ttl);

	/**
	 * Read the value of a live entry. Reading does not extend the entry's life.
	 * @param <T> the type of value expected
	 * @param namespace the namespace
	 * @param key the key within the namespace
	 * @param type the type of value expected
	 * @return the value, or empty when there is no live entry or its value is not a
	 * {@code type}
	 * @throws IllegalArgumentException if an argument is {@code null}
	 */
	<T> Optional<T> get(String namespace, String key, Class<T> type);

	/**
	 * Remove an entry. When several callers delete the same live entry at once, exactly
	 * one of them gets {@code true}, which is what makes single-use tokens single-use.
	 * @param namespace the namespace
	 * @param key the key within the namespace
	 * @return {@code true} if a live entry was removed by this call; {@code false} if
	 * there was none or it had expired
	 * @throws IllegalArgumentException if an argument is {@code null}
	 */
	boolean delete(String namespace, String key);

	/**
	 * Write an entry unless a live one exists under the key, atomically. An expired
	 * entry counts as absent and is replaced. Suited to short locks that are taken
	 * without blocking and released by {@link #delete(String, String)} or by expiry.
	 * @param namespace the namespace
	 * @param key the key within the namespace
	 * @param value the value, treated as immutable from now on
	 * @param ttl how long the entry lives, positive
	 * @return {@code true} if the entry was written; {@code false} if a live entry was
	 * already there, which is left untouched
	 * @throws IllegalArgumentException if an argument is {@code null} or {@code ttl} is
	 * zero or negative
	 */
	boolean putIfAbsent(String namespace, String key, Object value, Duration ttl);

}
