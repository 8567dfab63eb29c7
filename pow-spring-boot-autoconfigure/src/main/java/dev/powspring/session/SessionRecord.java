package dev.powspring.session;

import java.time.Instant;
import java.util.Map;

/**
 * What the store keeps for one session token.
 *
 * @param userId the primary key of the signed-in user
 * @param fingerprint identifies the session across token rotations (and, with
 * remember-me, across restored sessions)
 * @param insertedAt when this token was issued; rotation is due a renewal interval later
 * @param rotatedAt when this token was replaced by a newer one, or {@code null}; a rotated
 * token keeps working for a short grace period so concurrent requests are not signed out
 * @param metadata application metadata, such as the client's IP address or user agent
 */
public record SessionRecord(Long userId, String fingerprint, Instant insertedAt, Instant rotatedAt,
		Map<String, String> metadata) {

	public SessionRecord {
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
	}

	SessionRecord rotated(Instant when) {
		return new SessionRecord(this.userId, this.fingerprint, this.insertedAt, when, this.metadata);
	}

}
