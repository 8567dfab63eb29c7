package dev.powspring.invitation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invitations, kept in the columns this extension's migration adds to {@code users}; the
 * application's user entity does not map them. A token reaches the invited user only
 * signed, inside a link; the table keeps only its SHA-256 hash and expiry. Accepting
 * claims the invitation in one statement, so a link is accepted once.
 */
public class Invitations {

	private static final String SIGNATURE_PURPOSE = "invitation";

	private static final String PENDING = "invitation_accepted_at IS NULL AND password_hash IS NULL";

	private final JdbcClient jdbc;

	private final TokenSigner signer;

	private final Clock clock;

	private final Duration ttl;

	private final String userIdColumn;

	/**
	 * Create an instance.
	 * @param jdbc the database
	 * @param signer signs tokens for links
	 * @param clock the clock for expiry
	 * @param ttl how long an invitation link works
	 * @param userIdColumn the column of the user id, {@code email} or {@code username}
	 */
	public Invitations(JdbcClient jdbc, TokenSigner signer, Clock clock, Duration ttl, String userIdColumn) {
		this.jdbc = jdbc;
		this.signer = signer;
		this.clock = clock;
		this.ttl = ttl;
		this.userIdColumn = userIdColumn;
	}

	/**
	 * Issue a new invitation token for an invited user, replacing any earlier one.
	 * @param invitedId the invited user's primary key
	 * @param inviterId the inviter's primary key
	 * @return the signed token, for the link
	 */
	public String issue(Long invitedId, Long inviterId) {
		String token = TokenSigner.randomToken();
		this.jdbc
			.sql("UPDATE users SET invitation_token = :hash, invitation_token_expires_at = :expiresAt, "
					+ "invited_by_id = :inviter WHERE id = :id")
			.param("hash", TokenHashes.sha256(token))
			.param("expiresAt", utc(this.clock.instant().plus(this.ttl)))
			.param("inviter", inviterId)
			.param("id", invitedId)
			.update();
		return this.signer.sign(SIGNATURE_PURPOSE, token);
	}

	/**
	 * Look a signed token up without using it.
	 * @param signedToken the token from the link
	 * @return the pending invitation, or empty for an invalid, tampered, expired or
	 * accepted one
	 */
	public Optional<Invitation> find(String signedToken) {
		return this.signer.verify(SIGNATURE_PURPOSE, signedToken)
			.flatMap((token) -> this.jdbc
				.sql("SELECT id, invited_by_id, invitation_token_expires_at FROM users "
						+ "WHERE invitation_token = :hash AND invitation_token_expires_at > :now AND " + PENDING
						// The invitations of a locked inviter stop working.
						+ " AND NOT EXISTS (SELECT 1 FROM users inviter WHERE inviter.id = users.invited_by_id"
						+ " AND inviter.locked_at IS NOT NULL)")
				.param("hash", TokenHashes.sha256(token))
				.param("now", utc(this.clock.instant()))
				.query((row, number) -> new Invitation(row.getLong("id"), (Long) row.getObject("invited_by_id"),
						row.getObject("invitation_token_expires_at", OffsetDateTime.class).toInstant()))
				.optional());
	}

	/**
	 * Claim a pending invitation for acceptance. Only one caller can claim it.
	 * @param signedToken the token from the link
	 * @return the claimed invitation, or empty
	 */
	public Optional<Claimed> claim(String signedToken) {
		Optional<Invitation> invitation = find(signedToken);
		if (invitation.isEmpty()) {
			return Optional.empty();
		}
		String hash = TokenHashes.sha256(this.signer.verify(SIGNATURE_PURPOSE, signedToken).orElseThrow());
		int claimed = this.jdbc
			.sql("UPDATE users SET invitation_accepted_at = :now, invitation_token = NULL "
					+ "WHERE id = :id AND invitation_token = :hash")
			.param("now", utc(this.clock.instant()))
			.param("id", invitation.get().invitedId())
			.param("hash", hash)
			.update();
		return (claimed == 1) ? Optional.of(new Claimed(invitation.get(), hash)) : Optional.empty();
	}

	/**
	 * Put a claimed invitation back, for when accepting it did not go through.
	 * @param claimed the claimed invitation
	 */
	public void restore(Claimed claimed) {
		this.jdbc.sql("UPDATE users SET invitation_accepted_at = NULL, invitation_token = :hash WHERE id = :id")
			.param("hash", claimed.hash())
			.param("id", claimed.invitation().invitedId())
			.update();
	}

	/**
	 * Return the invitations a user sent that are still pending.
	 * @param inviterId the inviter's primary key
	 * @return the invited users, oldest first
	 */
	public List<Sent> pendingOf(Long inviterId) {
		return this.jdbc
			.sql("SELECT id, " + this.userIdColumn + " AS user_id FROM users WHERE invited_by_id = :inviter AND "
					+ PENDING + " ORDER BY id")
			.param("inviter", inviterId)
			.query((row, number) -> new Sent(row.getLong("id"), row.getString("user_id")))
			.list();
	}

	/**
	 * Return whether an invitation from this inviter to this user is pending.
	 * @param inviterId the inviter's primary key
	 * @param invitedId the invited user's primary key
	 * @return {@code true} when it is
	 */
	public boolean isPending(Long inviterId, Long invitedId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE id = :id AND invited_by_id = :inviter AND " + PENDING)
			.param("id", invitedId)
			.param("inviter", inviterId)
			.query(Long.class)
			.single() > 0;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A pending invitation.
	 *
	 * @param invitedId the invited user's primary key
	 * @param inviterId the inviter's primary key, or {@code null} when the inviter's account
	 * is gone
	 * @param expiresAt when the link stops working
	 */
	public record Invitation(Long invitedId, Long inviterId, Instant expiresAt) {

	}

	/**
	 * An invitation claimed for acceptance.
	 *
	 * @param invitation the invitation
	 * @param hash its token's hash, to put it back
	 */
	public record Claimed(Invitation invitation, String hash) {

	}

	/**
	 * A pending invitation as its inviter sees it.
	 *
	 * @param invitedId the invited user's primary key
	 * @param userId the invited user's user id
	 */
	public record Sent(Long invitedId, String userId) {

	}

}
