package dev.powspring.emailconfirmation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The confirmation state of users, kept in the columns this extension's migration adds to
 * {@code users}; the application's user entity does not map them. A token reaches the
 * user only signed, inside a link; the table keeps only its SHA-256 hash and expiry, and
 * confirming clears it, so a link works once.
 */
public class EmailConfirmations {

	private static final String SIGNATURE_PURPOSE = "email_confirmation";

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
	 * Return whether the user's email has been confirmed.
	 * @param userId the user's primary key
	 * @return {@code true} when confirmed
	 */
	public boolean isConfirmed(Long userId) {
		return this.jdbc.sql("SELECT email_confirmed_at IS NOT NULL FROM users WHERE id = :id")
			.param("id", userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Count the user's email as confirmed, when it is the given address.
	 * @param userId the user's primary key
	 * @param email the address the user has shown to own
	 */
	public void markConfirmed(Long userId, String email) {
		this.jdbc.sql("UPDATE users SET email_confirmed_at = :now WHERE id = :id AND email = :email "
				+ "AND email_confirmed_at IS NULL")
			.param("now", utc(this.clock.instant()))
			.param("id", userId)
			.param("email", email)
			.update();
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
		this.jdbc
			.sql("UPDATE users SET email_confirmation_token = :hash, email_confirmation_token_expires_at = :expiresAt, "
					+ "unconfirmed_email = :email WHERE id = :id")
			.param("hash", TokenHashes.sha256(token))
			.param("expiresAt", utc(this.clock.instant().plus(this.ttl)))
			.param("email", unconfirmedEmail)
			.param("id", userId)
			.update();
		return this.signer.sign(SIGNATURE_PURPOSE, token);
	}

	/**
	 * Forget a pending email change.
	 * @param userId the user's primary key
	 */
	public void cancelChange(Long userId) {
		this.jdbc
			.sql("UPDATE users SET unconfirmed_email = NULL, email_confirmation_token = NULL, "
					+ "email_confirmation_token_expires_at = NULL WHERE id = :id AND unconfirmed_email IS NOT NULL")
			.param("id", userId)
			.update();
	}

	/**
	 * Look a signed token up without using it.
	 * @param signedToken the token from the link
	 * @return what it would confirm, or empty for an invalid, tampered, expired or used
	 * token
	 */
	public Optional<Pending> find(String signedToken) {
		return this.signer.verify(SIGNATURE_PURPOSE, signedToken)
			.flatMap((token) -> this.jdbc
				.sql("SELECT id, email, unconfirmed_email FROM users WHERE email_confirmation_token = :hash "
						+ "AND email_confirmation_token_expires_at > :now")
				.param("hash", TokenHashes.sha256(token))
				.param("now", utc(this.clock.instant()))
				.query((row, number) -> new Pending(row.getLong("id"),
						(row.getString("unconfirmed_email") != null) ? row.getString("unconfirmed_email")
								: row.getString("email")))
				.optional());
	}

	/**
	 * Confirm what a signed token stands for: the account's email, or a pending new one,
	 * which then becomes the account's email. Only one of several concurrent calls with a
	 * token succeeds.
	 * @param signedToken the token from the link
	 * @return the outcome
	 */
	public Confirmation confirm(String signedToken) {
		Optional<Pending> pending = find(signedToken);
		if (pending.isEmpty()) {
			return new Confirmation(Outcome.INVALID, null);
		}
		String hash = TokenHashes.sha256(this.signer.verify(SIGNATURE_PURPOSE, signedToken).orElseThrow());
		try {
			int updated = this.jdbc
				.sql("UPDATE users SET email = COALESCE(unconfirmed_email, email), unconfirmed_email = NULL, "
						+ "email_confirmation_token = NULL, email_confirmation_token_expires_at = NULL, "
						+ "email_confirmed_at = :now WHERE id = :id AND email_confirmation_token = :hash")
				.param("now", utc(this.clock.instant()))
				.param("id", pending.get().userId())
				.param("hash", hash)
				.update();
			return new Confirmation((updated == 1) ? Outcome.CONFIRMED : Outcome.INVALID, pending.get().userId());
		}
		catch (DuplicateKeyException ex) {
			// Another account took the address while this one waited for confirmation.
			return new Confirmation(Outcome.FAILED, pending.get().userId());
		}
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
	 */
	public record Confirmation(Outcome outcome, Long userId) {

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
