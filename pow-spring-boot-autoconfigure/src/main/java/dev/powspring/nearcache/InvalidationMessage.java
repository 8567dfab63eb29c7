package dev.powspring.nearcache;

import java.util.Optional;

/**
 * The text a channel carries: the sending node, then either a changed entry or a
 * heartbeat. The namespace is length-prefixed, so keys may hold any character.
 *
 * @param node the sending node's id
 * @param namespace the changed entry's namespace, or {@code null} for a heartbeat
 * @param key the changed entry's key, or the heartbeat's sequence number
 */
record InvalidationMessage(String node, String namespace, String key) {

	private static final String HEARTBEAT = "hb";

	static String entry(String node, String namespace, String key) {
		return node + ' ' + namespace.length() + ':' + namespace + key;
	}

	static String heartbeat(String node, long sequence) {
		return node + ' ' + HEARTBEAT + ' ' + sequence;
	}

	boolean isHeartbeat() {
		return this.namespace == null;
	}

	/**
	 * Read a message; anything malformed (another program on the channel) is ignored.
	 * @param text the message
	 * @return the message, or empty when it is not one of ours
	 */
	static Optional<InvalidationMessage> parse(String text) {
		int space = text.indexOf(' ');
		if (space <= 0) {
			return Optional.empty();
		}
		String node = text.substring(0, space);
		String rest = text.substring(space + 1);
		if (rest.startsWith(HEARTBEAT + ' ')) {
			return Optional.of(new InvalidationMessage(node, null, rest.substring(HEARTBEAT.length() + 1)));
		}
		int colon = rest.indexOf(':');
		try {
			int length = Integer.parseInt(rest.substring(0, Math.max(colon, 0)));
			if (colon < 0 || length < 0 || rest.length() < colon + 1 + length) {
				return Optional.empty();
			}
			return Optional.of(new InvalidationMessage(node, rest.substring(colon + 1, colon + 1 + length),
					rest.substring(colon + 1 + length)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
