package dev.powspring.twofactor;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import dev.powspring.token.TokenHashes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The two-factor state of users, in the tables {@code pow_two_factor} and
 * {@code pow_two_factor_recovery_codes}: the encrypted TOTP secret, whether it was
 * confirmed, the last step whose code was used, and the hashes of the unused recovery
 * codes. Every check that uses something up (a code's step, a recovery code) is a single
 * {@code UPDATE} or {@code DELETE} whose row count decides, so two requests at once
 * cannot both use the same code.
 */
public class TwoFactors {

	/** How many recovery codes a user gets. */
	public static final int RECOVERY_CODES = 10;

	// 16 characters of base32: 80 bits, beyond guessing and beyond brute-forcing the hash.
	private static final int RECOVERY_CODE_LENGTH = 16;

	private static final char[] RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final TwoFactorSecretCipher cipher;

	private final Clock clock;

	private final TransactionOperations transactions;

	/**
	 * Create an instance.
	 * @param jdbc the database
	 * @param cipher encrypts the secrets
	 * @param clock the clock that tells the current code
	 * @param transactions runs an enrolment's writes together
	 */
	public TwoFactors(JdbcClient jdbc, TwoFactorSecretCipher cipher, Clock clock, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * Tell whether the user has two-factor sign-in on.
	 * @param userId the user's primary key
	 * @return {@code true} once a first code confirmed the secret
	 */
	public boolean isEnabled(Long userId) {
		return enabledAt(userId).isPresent();
	}

	/**
	 * Return when the user turned two-factor sign-in on.
	 * @param userId the user's primary key
	 * @return the time, or empty when it is off
	 */
	public Optional<Instant> enabledAt(Long userId) {
		return this.jdbc.sql("SELECT enabled_at FROM pow_two_factor WHERE user_id = :id AND enabled_at IS NOT NULL")
			.param("id", userId)
			.query((row, index) -> row.getObject("enabled_at", OffsetDateTime.class).toInstant())
			.optional();
	}

	/**
	 * Return which of the given users have two-factor sign-in on.
	 * @param userIds the users' primary keys
	 * @return those that have
	 */
	public Set<Long> enabledAmong(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc
			.sql("SELECT user_id FROM pow_two_factor WHERE user_id IN (:ids) AND enabled_at IS NOT NULL")
			.param("ids", userIds)
			.query(Long.class)
			.list());
	}

	/**
	 * Start an enrolment: a new secret, kept until a code confirms it. A secret of an
	 * earlier, unfinished enrolment is replaced.
	 * @param userId the user's primary key
	 * @return the new secret, or empty when two-factor sign-in is on already
	 */
	public Optional<byte[]> beginEnrolment(Long userId) {
		if (isEnabled(userId)) {
			return Optional.empty();
		}
		byte[] secret = Totp.newSecret();
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("DELETE FROM pow_two_factor WHERE user_id = :id AND enabled_at IS NULL")
				.param("id", userId)
				.update();
			this.jdbc.sql("INSERT INTO pow_two_factor (user_id, encrypted_secret, inserted_at) "
					+ "VALUES (:id, :secret, :now)")
				.param("id", userId)
				.param("secret", this.cipher.encrypt(userId, secret))
				.param("now", utc(this.clock.instant()))
				.update();
		});
		return Optional.of(secret);
	}

	/**
	 * Return the secret of an unfinished enrolment.
	 * @param userId the user's primary key
	 * @return the secret, or empty when none waits for confirmation
	 */
	public Optional<byte[]> enrolmentSecret(Long userId) {
		return secret(userId, false);
	}

	/**
	 * Finish an enrolment with a code of its secret: two-factor sign-in is on, and the
	 * user gets new recovery codes.
	 * @param userId the user's primary key
	 * @param code the code the user typed
	 * @return the recovery codes, to show once; empty when the code was wrong or no
	 * enrolment was under way
	 */
	public Optional<List<String>> confirmEnrolment(Long userId, String code) {
		Optional<byte[]> secret = enrolmentSecret(userId);
		if (secret.isEmpty()) {
			return Optional.empty();
		}
		OptionalLong step = Totp.matchingStep(secret.get(), code, this.clock.instant());
		if (step.isEmpty()) {
			return Optional.empty();
		}
		return this.transactions.execute((status) -> {
			int enabled = this.jdbc
				.sql("UPDATE pow_two_factor SET enabled_at = :now, last_used_step = :step "
						+ "WHERE user_id = :id AND enabled_at IS NULL")
				.param("now", utc(this.clock.instant()))
				.param("step", step.getAsLong())
				.param("id", userId)
				.update();
			return (enabled == 1) ? Optional.of(replaceRecoveryCodes(userId)) : Optional.<List<String>>empty();
		});
	}

	/**
	 * Check a second factor: a TOTP code of the current window not used before, or an
	 * unused recovery code, which is used up.
	 * @param userId the user's primary key
	 * @param code the code as typed
	 * @return what the code was
	 */
	public Verification verify(Long userId, String code) {
		if (code == null || code.isBlank()) {
			return Verification.INVALID;
		}
		if (Totp.looksLikeCode(code)) {
			return verifyTotp(userId, code) ? Verification.TOTP : Verification.INVALID;
		}
		return useRecoveryCode(userId, code) ? Verification.RECOVERY_CODE : Verification.INVALID;
	}

	/**
	 * Check a TOTP code, and use its step up: neither it nor an earlier step's code works
	 * again.
	 * @param userId the user's primary key
	 * @param code the code as typed
	 * @return {@code true} when the code is right and was not used
	 */
	public boolean verifyTotp(Long userId, String code) {
		Optional<byte[]> secret = secret(userId, true);
		if (secret.isEmpty()) {
			return false;
		}
		OptionalLong step = Totp.matchingStep(secret.get(), code, this.clock.instant());
		if (step.isEmpty()) {
			return false;
		}
		return this.jdbc
			.sql("UPDATE pow_two_factor SET last_used_step = :step WHERE user_id = :id AND enabled_at IS NOT NULL "
					+ "AND (last_used_step IS NULL OR last_used_step < :step)")
			.param("step", step.getAsLong())
			.param("id", userId)
			.update() == 1;
	}

	/**
	 * Use a recovery code up.
	 * @param userId the user's primary key
	 * @param code the code as typed, in any case, with or without dashes and spaces
	 * @return {@code true} when it was an unused code of the user's
	 */
	public boolean useRecoveryCode(Long userId, String code) {
		return this.jdbc.sql("DELETE FROM pow_two_factor_recovery_codes WHERE user_id = :id AND code_hash = :hash")
			.param("id", userId)
			.param("hash", hash(userId, code))
			.update() == 1;
	}

	/**
	 * Count a user's unused recovery codes.
	 * @param userId the user's primary key
	 * @return the count
	 */
	public int remainingRecoveryCodes(Long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM pow_two_factor_recovery_codes WHERE user_id = :id")
			.param("id", userId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Replace a user's recovery codes with new ones.
	 * @param userId the user's primary key
	 * @return the new codes, to show once
	 */
	public List<String> regenerateRecoveryCodes(Long userId) {
		return this.transactions.execute((status) -> replaceRecoveryCodes(userId));
	}

	/**
	 * Turn two-factor sign-in off: the secret and the recovery codes are deleted.
	 * @param userId the user's primary key
	 * @return {@code true} when it was on
	 */
	public boolean disable(Long userId) {
		Boolean disabled = this.transactions.execute((status) -> {
			this.jdbc.sql("DELETE FROM pow_two_factor_recovery_codes WHERE user_id = :id").param("id", userId).update();
			return this.jdbc.sql("DELETE FROM pow_two_factor WHERE user_id = :id AND enabled_at IS NOT NULL")
				.param("id", userId)
				.update() == 1;
		});
		return Boolean.TRUE.equals(disabled);
	}

	private List<String> replaceRecoveryCodes(Long userId) {
		this.jdbc.sql("DELETE FROM pow_two_factor_recovery_codes WHERE user_id = :id").param("id", userId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = newRecoveryCode();
			codes.add(code);
			this.jdbc.sql("INSERT INTO pow_two_factor_recovery_codes (user_id, code_hash) VALUES (:id, :hash)")
				.param("id", userId)
				.param("hash", hash(userId, code))
				.update();
		}
		return List.copyOf(codes);
	}

	private Optional<byte[]> secret(Long userId, boolean enabled) {
		String condition = enabled ? "enabled_at IS NOT NULL" : "enabled_at IS NULL";
		return this.jdbc.sql("SELECT encrypted_secret FROM pow_two_factor WHERE user_id = :id AND " + condition)
			.param("id", userId)
			.query(String.class)
			.optional()
			.flatMap((stored) -> this.cipher.decrypt(userId, stored));
	}

	private static String newRecoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < RECOVERY_CODE_LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
		}
		return code.toString();
	}

	// Bound to the user, so one hash never matches another user's row.
	private static String hash(Long userId, String code) {
		String normalized = code.replace("-", "").replace(" ", "").trim().toLowerCase(Locale.ROOT);
		return TokenHashes.sha256(userId + ":" + normalized);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * What a second factor turned out to be.
	 */
	public enum Verification {

		/** A right TOTP code, now used. */
		TOTP,

		/** A right recovery code, now used up. */
		RECOVERY_CODE,

		/** Neither. */
		INVALID;

		/**
		 * Tell whether the code was right.
		 * @return {@code true} for a TOTP or recovery code
		 */
		public boolean succeeded() {
			return this != INVALID;
		}

	}

}
