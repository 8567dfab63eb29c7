package dev.powspring.device;

import java.time.Instant;
import java.util.Map;

import dev.powspring.session.SessionMetadata;
import dev.powspring.token.TokenHashes;

/**
 * One sign-in of a user on one device, as its {@link PowDeviceSource} keeps it.
 *
 * @param kind the kind of device
 * @param fingerprint the sign-in's fingerprint, shared by its sessions, remember-me token
 * and API tokens; it never leaves the server, {@link #id()} stands for it
 * @param metadata what the sign-in recorded ({@link SessionMetadata} keys and the
 * application's)
 * @param expiresAt when it ends unless used or ended before, or {@code null} when unknown
 */
public record PowDevice(PowDeviceKind kind, String fingerprint, Map<String, String> metadata, Instant expiresAt) {

	public PowDevice {
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
	}

	/**
	 * Return the opaque id that names this device in pages and the API: a hash of its
	 * kind and fingerprint, so the fingerprint itself is never shown.
	 * @return the id
	 */
	public String id() {
		return TokenHashes.sha256(this.kind.code() + ":" + this.fingerprint).substring(0, 32);
	}

	/**
	 * Return one metadata entry.
	 * @param key a {@link SessionMetadata} key, or the application's
	 * @return the value, or {@code null}
	 */
	public String get(String key) {
		return this.metadata.get(key);
	}

	/**
	 * Return a time the sign-in recorded.
	 * @param key {@link SessionMetadata#SIGNED_IN_AT} or {@link SessionMetadata#LAST_SEEN_AT}
	 * @return the time, or {@code null} when not recorded
	 */
	public Instant time(String key) {
		String value = this.metadata.get(key);
		try {
			return (value != null) ? Instant.parse(value) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
