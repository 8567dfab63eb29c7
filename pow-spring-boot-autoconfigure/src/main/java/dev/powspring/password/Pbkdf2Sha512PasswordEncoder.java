package dev.powspring.password;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A {@link PasswordEncoder} for PBKDF2-HMAC-SHA512 hashes in the format written by
 * Elixir Pow: {@code $pbkdf2-sha512$<iterations>$<salt>$<hash>}, where salt (16
 * bytes) and hash (64 bytes) are standard Base64 with padding.
 * <p>
 * Hashes created by Pow can be verified as they are, and hashes created here can be
 * read back by Pow.
 */
public final class Pbkdf2Sha512PasswordEncoder implements PasswordEncoder {

	/**
	 * The iteration count Pow uses by default.
	 */
	public static final int DEFAULT_ITERATIONS = 210_000;

	/**
	 * The prefix that identifies hashes in this format.
	 */
	static final String PREFIX = "$pbkdf2-sha512$";

	private static final String ALGORITHM = "PBKDF2WithHmacSHA512";

	private static final int SALT_LENGTH = 16;

	private static final int HASH_LENGTH = 64;

	// Stored hashes are not trusted to choose how much work a login costs.
	private static final int MAX_ITERATIONS = 10_000_000;

	private final int iterations;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Create an encoder that hashes with {@link #DEFAULT_ITERATIONS}.
	 */
	public Pbkdf2Sha512PasswordEncoder() {
		this(DEFAULT_ITERATIONS);
	}

	/**
	 * Create an encoder that hashes with the given iteration count. Hashes with any
	 * other count are still verified, but {@link #upgradeEncoding(String)} reports
	 * them.
	 * @param iterations the PBKDF2 iteration count, at least 1
	 * @throws IllegalArgumentException if {@code iterations} is less than 1
	 */
	public Pbkdf2Sha512PasswordEncoder(int iterations) {
		if (iterations < 1) {
			throw new IllegalArgumentException("iterations must be at least 1, but was " + iterations);
		}
		this.iterations = iterations;
	}

	/**
	 * Return the iteration count used for new hashes.
	 * @return the iteration count
	 */
	public int getIterations() {
		return this.iterations;
	}

	/**
	 * Hash the password with a fresh random salt.
	 * @param rawPassword the password to hash
	 * @return the hash in Pow's {@code $pbkdf2-sha512$} format
	 * @throws IllegalArgumentException if {@code rawPassword} is {@code null}
	 */
	@Override
	public String encode(CharSequence rawPassword) {
		if (rawPassword == null) {
			throw new IllegalArgumentException("rawPassword cannot be null");
		}
		byte[] salt = new byte[SALT_LENGTH];
		this.random.nextBytes(salt);
		byte[] hash = derive(rawPassword, salt, this.iterations);
		Base64.Encoder base64 = Base64.getEncoder();
		return PREFIX + this.iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
	}

	/**
	 * Verify a password against a hash in Pow's {@code $pbkdf2-sha512$} format, using
	 * the iteration count and salt stored in the hash.
	 * @param rawPassword the password to check, may be {@code null}
	 * @param encodedPassword the stored hash, may be {@code null}
	 * @return {@code true} if the password matches; {@code false} otherwise, including
	 * for {@code null} or malformed input
	 */
	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null) {
			return false;
		}
		StoredHash stored = StoredHash.parse(encodedPassword);
		if (stored == null) {
			return false;
		}
		byte[] actual = derive(rawPassword, stored.salt(), stored.iterations());
		return MessageDigest.isEqual(actual, stored.hash());
	}

	/**
	 * Tell whether a stored hash was made with a different iteration count than the
	 * one configured here, so it should be re-hashed after a successful login.
	 * @param encodedPassword the stored hash, may be {@code null}
	 * @return {@code true} if the iteration count differs; {@code false} if it is the
	 * same or the hash is malformed
	 */
	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		StoredHash stored = StoredHash.parse(encodedPassword);
		return stored != null && stored.iterations() != this.iterations;
	}

	// The JDK's PBKDF2 SecretKeyFactory encodes the password chars as UTF-8, which is
	// what Pow hashes; the tests pin this against hashes made outside the JVM.
	private static byte[] derive(CharSequence rawPassword, byte[] salt, int iterations) {
		char[] password = rawPassword.toString().toCharArray();
		PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_LENGTH * 8);
		try {
			return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to compute " + ALGORITHM, ex);
		}
		finally {
			spec.clearPassword();
			Arrays.fill(password, '\0');
		}
	}

	/**
	 * The parts of a well-formed stored hash.
	 */
	private record StoredHash(int iterations, byte[] salt, byte[] hash) {

		/**
		 * Parse a stored hash.
		 * @return the parts, or {@code null} if the hash is malformed in any way
		 */
		static StoredHash parse(String encoded) {
			if (encoded == null || !encoded.startsWith(PREFIX)) {
				return null;
			}
			// "$pbkdf2-sha512$i$s$h" splits into "", "pbkdf2-sha512", i, s, h; the
			// negative limit keeps empty trailing parts so they are rejected too.
			String[] parts = encoded.split("\\$", -1);
			if (parts.length != 5) {
				return null;
			}
			int iterations = parseIterations(parts[2]);
			byte[] salt = decode(parts[3]);
			byte[] hash = decode(parts[4]);
			// A shorter hash would otherwise match a prefix of the derived key.
			if (iterations < 1 || salt == null || salt.length == 0 || hash == null || hash.length != HASH_LENGTH) {
				return null;
			}
			return new StoredHash(iterations, salt, hash);
		}

		private static int parseIterations(String value) {
			// Digits only, and few enough of them that parsing cannot overflow.
			if (value.isEmpty() || value.length() > 8 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				return -1;
			}
			int iterations = Integer.parseInt(value);
			return (iterations <= MAX_ITERATIONS) ? iterations : -1;
		}

		private static byte[] decode(String value) {
			try {
				return Base64.getDecoder().decode(value);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
