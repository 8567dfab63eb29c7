package dev.powspring.store;

import java.util.Optional;

/**
 * The capability to read an entry and the entry its principal names in one round trip:
 * how a session and the user it belongs to are read on every authenticated request.
 */
public interface LinkedReadPowStore extends PrincipalIndexedPowStore {

	/**
	 * Read an entry and, in the same round trip, the entry of another namespace whose key
	 * is the entry's principal.
	 * @param <A> the entry's type
	 * @param <B> the linked entry's type
	 * @param namespace the entry's namespace
	 * @param key the entry's key
	 * @param type the entry's type
	 * @param linkNamespace the namespace of the entry keyed by the principal
	 * @param linkType the linked entry's type
	 * @return the entry with the linked one (empty when it, or the entry's principal, is
	 * missing) and the entry's principal, or empty when the entry itself is missing
	 */
	<A, B> Optional<Linked<A, B>> getLinked(String namespace, String key, Class<A> type, String linkNamespace,
			Class<B> linkType);

	/**
	 * An entry and the entry it links to.
	 *
	 * @param <A> the entry's type
	 * @param <B> the linked entry's type
	 * @param value the entry
	 * @param linked the linked entry, or empty
	 * @param principal the entry's principal, the linked entry's key; {@code null} when
	 * the entry has none
	 */
	record Linked<A, B>(A value, Optional<B> linked, String principal) {

	}

}
