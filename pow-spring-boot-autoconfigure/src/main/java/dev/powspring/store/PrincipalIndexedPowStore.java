package dev.powspring.store;

import java.time.Duration;
import java.util.Set;

/**
 * A {@link PowStore} that can also find entries by the principal they belong to, for
 * example to list or end all sessions of a user.
 * <p>
 * This is a capability of its own because it costs a backend an index; code that needs
 * it should ask for this type rather than assume every store provides it.
 * <p>
 * An entry belongs to at most one principal: the one given by the last write of its
 * key. A write with {@link #put(String, String, Object, Duration)} leaves the entry
 * without a principal, and a write with another principal moves it. Removed and expired
 * entries are never found.
 */
public interface PrincipalIndexedPowStore extends PowStore {

	/**
	 * Write an entry like {@link #put(String, String, Object, Duration)} and index it
	 * under the given principal, replacing any principal the key had before.
	 * @param namespace the namespace
	 * @param key the key within the namespace
	 * @param value the value, treated as immutable from now on
	 * @param ttl how long the entry lives, positive
	 * @param principal the name of the principal the entry belongs to
	 * @throws IllegalArgumentException if an argument is {@code null} or {@code ttl} is
	 * zero or negative
	 */
	void put(String namespace, String key, Object value, Duration ttl, String principal);

	/**
	 * Return the keys of the live entries of a principal in a namespace.
	 * @param namespace the namespace
	 * @param principal the name of the principal
	 * @return the keys, possibly empty, as an unmodifiable snapshot
	 * @throws IllegalArgumentException if an argument is {@code null}
	 */
	Set<String> findKeysByPrincipal(String namespace, String principal);

}
