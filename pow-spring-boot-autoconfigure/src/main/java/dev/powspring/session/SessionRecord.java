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
 * @param startedAt when the session began, kept across rotations and updates; it ends an
 * absolute lifetime after that ({@code null} in values written before it was kept: the
 * insertion time stands in)
 */
public record SessionRecord(Long userId, String fingerprint, Instant insertedAt, Instant rotatedAt,
		Map<String, String> metadata, Instant startedAt) {

	public SessionRecord {
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
		startedAt = (startedAt != null) ? startedAt : insertedAt;
	}

	SessionRecord rotated(Instant when) {
		return new SessionRecord(this.userId, this.fingerprint, this.insertedAt, when, this.metadata, this.startedAt);
	}

}
