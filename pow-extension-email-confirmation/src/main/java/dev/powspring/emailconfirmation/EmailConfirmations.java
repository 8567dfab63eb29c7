package dev.powspring.emailconfirmation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The confirmation state of users, kept in the columns this extension's migration adds to
 * {@code users} and in its token table; the application's user entity maps none of them.
 * A token reaches the user only signed, inside a link; the table keeps only its SHA-256
 * hash, the address it confirms and its expiry. Every link mailed for an address works
 * until it expires, and confirming uses them all up.
 */
public class EmailConfirmations {

	private static final String SIGNATURE_PURPOSE = "email_confirmation";

	// A token's address is awaited: the pending new address, or the account's own address
	// while it is unconfirmed.
	private static final String AWAITED = "(t.email = u.unconfirmed_email "
			+ "OR (t.email = u.email AND u.email_confirmed_at IS NULL))";

	private final JdbcClient jdbc;

	private final TokenSigner signer;

	private final Clock clock;

	private final Duration ttl;

	public EmailConfirmations(JdbcClient jdbc, TokenSigner signer, Clock clock, Duration ttl) {
		this.jdbc = jdbc;
		this.signer = signer;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * Return whether the user's email has been confirmed. A user without an address (one
	 * who signs in by user name) has nothing to confirm.
	 * @param userId the user's primary key
	 * @return {@code true} when confirmed
	 */
	public boolean isConfirmed(Long userId) {
		return this.jdbc.sql("SELECT email_confirmed_at IS NOT NULL OR email IS NULL FROM users WHERE id = :id")
			.param("id", userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Return when each of the given users confirmed their email address.
	 * @param userIds the users' primary keys
	 * @return the confirmation times of those who have confirmed
	 */
	public Map<Long, Instant> confirmedAt(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Instant> confirmed = new HashMap<>();
		this.jdbc.sql("SELECT id, email_confirmed_at FROM users WHERE id IN (:ids) AND email_confirmed_at IS NOT NULL")
			.param("ids", userIds)
			.query((row) -> {
				confirmed.put(row.getLong("id"), row.getObject("email_confirmed_at", OffsetDateTime.class).toInstant());
			});
		return confirmed;
	}

	/**
	 * Count the user's email as confirmed, when it is the given address.
	 * @param userId the user's primary key
	 * @param email the address the user has shown to own
	 * @return whether this confirmed it: {@code false} when it was confirmed already, or is
	 * not the account's address
	 */
	public boolean markConfirmed(Long userId, String email) {
		return this.jdbc.sql("UPDATE users SET email_confirmed_at = :now WHERE id = :id AND email = :email "
				+ "AND email_confirmed_at IS NULL")
			.param("now", utc(this.clock.instant()))
			.param("id", userId)
			.param("email", email)
			.update() == 1;
	}

	/**
	 * Issue a new confirmation token for the user's current email, replacing any earlier
	 * one.
	 * @param userId the user's primary key
	 * @return the signed token, for the link
	 */
	public String issue(Long userId) {
		return issue(userId, null);
	}

	/**
	 * Record a new email address that waits for confirmation, and issue its token. The
	 * account keeps its current email until then.
	 * @param userId the user's primary key
	 * @param email the new email address
	 * @return the signed token, for the link
	 */
	public String issueForChange(Long userId, String email) {
		return issue(userId, email);
	}

	private String issue(Long userId, String unconfirmedEmail) {
		String token = TokenSigner.randomToken();
		Instant now = this.clock.instant();
		this.jdbc.sql("UPDATE users SET unconfirmed_email = :email WHERE id = :id")
			.param("email", unconfirmedEmail)
			.param("id", userId)
			.update();
		this.jdbc.sql("DELETE FROM pow_email_confirmation_tokens WHERE user_id = :id AND expires_at <= :now")
			.param("id", userId)
			.param("now", utc(now))
			.update();
		this.jdbc
			.sql("INSERT INTO pow_email_confirmation_tokens (token_hash, user_id, email, expires_at) "
					+ "SELECT :hash, id, COALESCE(unconfirmed_email, email), :expiresAt FROM users WHERE id = :id")
			.param("hash", TokenHashes.sha256(token))
			.param("expiresAt", utc(now.plus(this.ttl)))
			.param("id", userId)
			.update();
		return this.signer.sign(SIGNATURE_PURPOSE, token);
	}

	/**
	 * Forget a pending email change; the links mailed for it stop working.
	 * @param userId the user's primary key
	 */
	public void cancelChange(Long userId) {
		this.jdbc.sql("UPDATE users SET unconfirmed_email = NULL WHERE id = :id AND unconfirmed_email IS NOT NULL")
			.param("id", userId)
			.update();
		this.jdbc
			.sql("DELETE FROM pow_email_confirmation_tokens WHERE user_id = :id "
					+ "AND email <> (SELECT email FROM users WHERE id = :id)")
			.param("id", userId)
			.update();
	}

	/**
	 * Look a signed token up without using it.
	 * @param signedToken the token from the link
	 * @return what it would confirm, or empty for an invalid, tampered, expired or used
	 * token, or one for an address the account no longer waits to confirm
	 */
	public Optional<Pending> find(String signedToken) {
		return this.signer.verify(SIGNATURE_PURPOSE, signedToken)
			.flatMap((token) -> this.jdbc
				.sql("SELECT u.id, t.email FROM pow_email_confirmation_tokens t JOIN users u ON u.id = t.user_id "
						+ "WHERE t.token_hash = :hash AND t.expires_at > :now AND " + AWAITED)
				.param("hash", TokenHashes.sha256(token))
				.param("now", utc(this.clock.instant()))
				.query((row, number) -> new Pending(row.getLong("id"), row.getString("email")))
				.optional());
	}

	/**
	 * Confirm what a signed token stands for: the account's email, or a pending new one,
	 * which then becomes the account's email. The token is taken out first, so of several
	 * concurrent calls with it only one goes on; confirming then uses up every other link
	 * of the account.
	 * @param signedToken the token from the link
	 * @return the outcome
	 */
	public Confirmation confirm(String signedToken) {
		Optional<Pending> pending = find(signedToken);
		if (pending.isEmpty()) {
			return new Confirmation(Outcome.INVALID, null);
		}
		Long userId = pending.get().userId();
		String hash = TokenHashes.sha256(this.signer.verify(SIGNATURE_PURPOSE, signedToken).orElseThrow());
		int taken = this.jdbc.sql("DELETE FROM pow_email_confirmation_tokens WHERE token_hash = :hash")
			.param("hash", hash)
			.update();
		if (taken != 1) {
			return new Confirmation(Outcome.INVALID, null);
		}
		// The account's own address, or else a pending new one: each update checks its case
		// in the row it changes, so the outcome tells which it was.
		boolean changed = false;
		int updated = this.jdbc
			.sql("UPDATE users SET unconfirmed_email = NULL, email_confirmed_at = :now "
					+ "WHERE id = :id AND email = :email AND email_confirmed_at IS NULL")
			.param("email", pending.get().email())
			.param("now", utc(this.clock.instant()))
			.param("id", userId)
			.update();
		if (updated != 1) {
			try {
				updated = this.jdbc
					.sql("UPDATE users SET email = :email, unconfirmed_email = NULL, email_confirmed_at = :now "
							+ "WHERE id = :id AND unconfirmed_email = :email")
					.param("email", pending.get().email())
					.param("now", utc(this.clock.instant()))
					.param("id", userId)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// Another account took the address while this one waited for confirmation.
				return new Confirmation(Outcome.FAILED, userId);
			}
			if (updated != 1) {
				return new Confirmation(Outcome.INVALID, userId);
			}
			changed = true;
		}
		this.jdbc.sql("DELETE FROM pow_email_confirmation_tokens WHERE user_id = :id").param("id", userId).update();
		return new Confirmation(Outcome.CONFIRMED, userId, changed);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * What a valid token would confirm.
	 *
	 * @param userId the user's primary key
	 * @param email the address it confirms
	 */
	public record Pending(Long userId, String email) {

	}

	/**
	 * The outcome of confirming.
	 *
	 * @param outcome what happened
	 * @param userId the user the token was for, or {@code null} when it was invalid
	 * @param changed whether the confirmed address was a pending new one, which is now the
	 * account's email
	 */
	public record Confirmation(Outcome outcome, Long userId, boolean changed) {

		/**
		 * Create an outcome that changed no address.
		 * @param outcome what happened
		 * @param userId the user the token was for, or {@code null} when it was invalid
		 */
		public Confirmation(Outcome outcome, Long userId) {
			this(outcome, userId, false);
		}

	}

	/**
	 * What confirming a token did.
	 */
	public enum Outcome {

		/** The address is confirmed. */
		CONFIRMED,

		/** The token was invalid, tampered, expired or already used. */
		INVALID,

		/** The new address belongs to another account by now. */
		FAILED

	}

}
