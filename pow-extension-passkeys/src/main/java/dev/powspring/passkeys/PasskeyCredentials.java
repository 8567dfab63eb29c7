package dev.powspring.passkeys;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The passkeys users registered, and each user's random user handle, in the tables of the
 * extension's migration. Rows go with their user ({@code ON DELETE CASCADE}).
 */
public class PasskeyCredentials {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String COLUMNS = "p.id, p.user_id, p.credential_id, p.attested_credential_data, p.sign_count, "
			+ "p.uv_initialized, p.backup_eligible, p.backed_up, p.transports, h.user_handle";

	private final JdbcClient jdbc;

	public PasskeyCredentials(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Return the user's handle, making one the first time.
	 * @param userId the user's id
	 * @return the handle, base64url of 32 random bytes
	 */
	public String userHandle(Long userId) {
		Optional<String> existing = findUserHandle(userId);
		if (existing.isPresent()) {
			return existing.get();
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		try {
			this.jdbc.sql("INSERT INTO pow_passkey_user_handles (user_id, user_handle) VALUES (?, ?)")
				.params(userId, handle)
				.update();
			return handle;
		}
		catch (DuplicateKeyException ex) {
			// Made by a parallel request.
			return findUserHandle(userId).orElseThrow(() -> ex);
		}
	}

	private Optional<String> findUserHandle(Long userId) {
		return this.jdbc.sql("SELECT user_handle FROM pow_passkey_user_handles WHERE user_id = ?")
			.param(userId)
			.query(String.class)
			.optional();
	}

	/**
	 * Return the user's passkeys, oldest first.
	 * @param userId the user's id
	 * @return the passkeys
	 */
	public List<Passkey> list(Long userId) {
		return this.jdbc
			.sql("SELECT id, credential_id, name, created_at, last_used_at FROM pow_passkeys WHERE user_id = ? "
					+ "ORDER BY created_at, id")
			.param(userId)
			.query((rs, row) -> new Passkey(rs.getLong("id"), rs.getString("credential_id"), rs.getString("name"),
					instant(rs, "created_at"), instant(rs, "last_used_at")))
			.list();
	}

	/**
	 * Return a passkey by its credential id.
	 * @param credentialId the credential id, base64url
	 * @return the passkey, or empty when no user has it
	 */
	public Optional<StoredPasskey> find(String credentialId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM pow_passkeys p JOIN pow_passkey_user_handles h ON h.user_id = p.user_id "
					+ "WHERE p.credential_id = ?")
			.param(credentialId)
			.query((rs, row) -> new StoredPasskey(rs.getLong("id"), rs.getLong("user_id"), rs.getString("credential_id"),
					rs.getString("attested_credential_data"), rs.getLong("sign_count"), rs.getBoolean("uv_initialized"),
					rs.getBoolean("backup_eligible"), rs.getBoolean("backed_up"), rs.getString("transports"),
					rs.getString("user_handle")))
			.optional();
	}

	/**
	 * Store a new passkey.
	 * @param userId the owner's id
	 * @param passkey the verified credential
	 * @param name what the account page calls it
	 * @param now the time of registration
	 * @return {@code false} when the credential is registered already
	 */
	public boolean add(Long userId, StoredPasskey passkey, String name, Instant now) {
		try {
			this.jdbc.sql("INSERT INTO pow_passkeys (user_id, credential_id, attested_credential_data, sign_count, "
					+ "uv_initialized, backup_eligible, backed_up, transports, name, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(userId, passkey.credentialId(), passkey.attestedCredentialData(), passkey.signCount(),
						passkey.uvInitialized(), passkey.backupEligible(), passkey.backedUp(), passkey.transports(),
						name, timestamp(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Record a sign-in with a passkey.
	 * @param id the passkey's id
	 * @param signCount the counter the authenticator sent
	 * @param uvInitialized whether the user was verified
	 * @param backedUp whether the passkey is backed up now
	 * @param now the time of the sign-in
	 */
	public void recordUse(long id, long signCount, boolean uvInitialized, boolean backedUp, Instant now) {
		this.jdbc
			.sql("UPDATE pow_passkeys SET sign_count = ?, uv_initialized = ?, backed_up = ?, last_used_at = ? "
					+ "WHERE id = ?")
			.params(signCount, uvInitialized, backedUp, timestamp(now), id)
			.update();
	}

	/**
	 * Rename one of a user's passkeys.
	 * @param userId the owner's id
	 * @param id the passkey's id
	 * @param name the new name
	 * @return {@code false} when the user has no such passkey
	 */
	public boolean rename(Long userId, long id, String name) {
		return this.jdbc.sql("UPDATE pow_passkeys SET name = ? WHERE id = ? AND user_id = ?")
			.params(name, id, userId)
			.update() == 1;
	}

	/**
	 * Remove one of a user's passkeys.
	 * @param userId the owner's id
	 * @param id the passkey's id
	 * @return {@code false} when the user has no such passkey
	 */
	public boolean remove(Long userId, long id) {
		return this.jdbc.sql("DELETE FROM pow_passkeys WHERE id = ? AND user_id = ?").params(id, userId).update() == 1;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A passkey as the account page lists it.
	 *
	 * @param id its id
	 * @param credentialId the credential id, base64url
	 * @param name what the user calls it
	 * @param createdAt when it was registered
	 * @param lastUsedAt when it last signed the user in, or {@code null}
	 */
	public record Passkey(long id, String credentialId, String name, Instant createdAt, Instant lastUsedAt) {

	}

	/**
	 * A passkey as sign-in verifies it.
	 *
	 * @param id its id, or 0 before it is stored
	 * @param userId the owner's id
	 * @param credentialId the credential id, base64url
	 * @param attestedCredentialData the attested credential data with the public key,
	 * base64url
	 * @param signCount the last signature counter seen
	 * @param uvInitialized whether the user was verified with it
	 * @param backupEligible whether it can be backed up (synced)
	 * @param backedUp whether it is backed up
	 * @param transports how the browser reached the authenticator, comma separated, or
	 * {@code null}
	 * @param userHandle the owner's user handle, base64url
	 */
	public record StoredPasskey(long id, Long userId, String credentialId, String attestedCredentialData,
			long signCount, boolean uvInitialized, boolean backupEligible, boolean backedUp, String transports,
			String userHandle) {

	}

}
