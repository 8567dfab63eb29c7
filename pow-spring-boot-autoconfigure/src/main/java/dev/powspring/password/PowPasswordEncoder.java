package dev.powspring.password;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * The {@link PasswordEncoder} used by Pow: new passwords are hashed with the
 * configured {@link PasswordAlgorithm}, while stored hashes in any supported format
 * are verified, so hashes imported from Elixir Pow or made before a change of
 * algorithm keep working.
 * <p>
 * The stored format is recognised by its prefix: {@code $pbkdf2-sha512$} for
 * PBKDF2-SHA512, {@code $2a$}, {@code $2b$} or {@code $2y$} for BCrypt and
 * {@code $argon2} for Argon2. Argon2 needs BouncyCastle on the classpath.
 */
public final class PowPasswordEncoder implements PasswordEncoder {

	/**
	 * Name of the property source through which Pow's test kit makes hashing cheap in
	 * tests; hashing settings that come from it draw no startup warning.
	 */
	public static final String TEST_DEFAULTS_PROPERTY_SOURCE = "powTestDefaults";

	private static final String ARGON2_DEPENDENCY = "org.bouncycastle:bcprov-jdk18on";

	private static final String ARGON2_CLASS = "org.bouncycastle.crypto.params.Argon2Parameters";

	static final int BCRYPT_MAX_BYTES = 72;

	private final PasswordAlgorithm algorithm;

	private final Pbkdf2Sha512PasswordEncoder pbkdf2;

	private final BCryptPasswordEncoder bcrypt;

	// Null when BouncyCastle is absent; Argon2PasswordEncoder fails at first use
	// without it, so it is only created when it can work.
	private final PasswordEncoder argon2;

	/**
	 * Create an encoder that hashes with the given algorithm.
	 * @param algorithm the algorithm for new hashes
	 * @param pbkdf2Iterations the PBKDF2 iteration count, at least 1
	 * @param bcryptStrength the BCrypt log rounds, from 4 to 31
	 * @throws IllegalArgumentException if an argument is out of range
	 * @throws IllegalStateException if {@code algorithm} is
	 * {@link PasswordAlgorithm#ARGON2} and BouncyCastle is not on the classpath
	 */
	public PowPasswordEncoder(PasswordAlgorithm algorithm, int pbkdf2Iterations, int bcryptStrength) {
		Assert.notNull(algorithm, "algorithm must not be null");
		this.algorithm = algorithm;
		this.pbkdf2 = new Pbkdf2Sha512PasswordEncoder(pbkdf2Iterations);
		this.bcrypt = new BCryptPasswordEncoder(bcryptStrength);
		this.argon2 = ClassUtils.isPresent(ARGON2_CLASS, PowPasswordEncoder.class.getClassLoader())
				? Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8() : null;
		if (algorithm == PasswordAlgorithm.ARGON2 && this.argon2 == null) {
			throw new IllegalStateException("pow.password.algorithm is argon2, which requires BouncyCastle: add "
					+ ARGON2_DEPENDENCY + " to the classpath or choose another algorithm");
		}
	}

	/**
	 * Return the algorithm used for new hashes.
	 * @return the configured algorithm
	 */
	public PasswordAlgorithm getAlgorithm() {
		return this.algorithm;
	}

	/**
	 * Return the longest password, in UTF-8 bytes, that the configured algorithm hashes
	 * whole: 72 for BCrypt, which refuses longer ones, else no limit.
	 * @return the limit in bytes, or {@link Integer#MAX_VALUE}
	 */
	public int maxPasswordBytes() {
		return (this.algorithm == PasswordAlgorithm.BCRYPT) ? BCRYPT_MAX_BYTES : Integer.MAX_VALUE;
	}

	/**
	 * Hash the password with the configured algorithm.
	 * @param rawPassword the password to hash
	 * @return the hash, prefixed with its format
	 * @throws IllegalArgumentException if {@code rawPassword} is {@code null}
	 */
	@Override
	public String encode(CharSequence rawPassword) {
		// Spring's own encoders return null for a null password; never store that.
		if (rawPassword == null) {
			throw new IllegalArgumentException("rawPassword cannot be null");
		}
		return encoderFor(this.algorithm).encode(rawPassword);
	}

	/**
	 * Verify a password against a stored hash in any supported format, whatever the
	 * configured algorithm.
	 * @param rawPassword the password to check, may be {@code null}
	 * @param encodedPassword the stored hash, may be {@code null}
	 * @return {@code true} if the password matches; {@code false} otherwise, including
	 * for {@code null}, malformed or unsupported hashes
	 */
	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		PasswordAlgorithm stored = algorithmOf(encodedPassword);
		PasswordEncoder verifier = (stored != null) ? encoderFor(stored) : null;
		if (rawPassword == null || verifier == null) {
			return false;
		}
		try {
			return verifier.matches(rawPassword, encodedPassword);
		}
		catch (RuntimeException ex) {
			// A hash with the right prefix can still be malformed enough for the
			// delegate to throw; for the caller that is simply not a match.
			return false;
		}
	}

	/**
	 * Tell whether a stored hash should be re-hashed after a successful login: it
	 * was made with another algorithm, or its algorithm's encoder asks for an
	 * upgrade. That is the case for PBKDF2 iterations that differ from the configured
	 * count, and for a BCrypt strength or Argon2 settings weaker than the configured
	 * ones (Spring's encoders never ask to downgrade).
	 * @param encodedPassword the stored hash, may be {@code null}
	 * @return {@code true} if the hash should be upgraded; {@code false} if it is up to
	 * date or not in a recognised format
	 */
	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		PasswordAlgorithm stored = algorithmOf(encodedPassword);
		if (stored == null) {
			return false;
		}
		if (stored != this.algorithm) {
			return true;
		}
		try {
			return encoderFor(stored).upgradeEncoding(encodedPassword);
		}
		catch (RuntimeException ex) {
			// BCryptPasswordEncoder throws for hashes that do not look like BCrypt.
			return false;
		}
	}

	private PasswordEncoder encoderFor(PasswordAlgorithm algorithm) {
		return switch (algorithm) {
			case PBKDF2_SHA512 -> this.pbkdf2;
			case BCRYPT -> this.bcrypt;
			case ARGON2 -> this.argon2;
		};
	}

	private static PasswordAlgorithm algorithmOf(String encodedPassword) {
		if (encodedPassword == null) {
			return null;
		}
		if (encodedPassword.startsWith(Pbkdf2Sha512PasswordEncoder.PREFIX)) {
			return PasswordAlgorithm.PBKDF2_SHA512;
		}
		if (encodedPassword.startsWith("$2a$") || encodedPassword.startsWith("$2b$")
				|| encodedPassword.startsWith("$2y$")) {
			return PasswordAlgorithm.BCRYPT;
		}
		if (encodedPassword.startsWith("$argon2")) {
			return PasswordAlgorithm.ARGON2;
		}
		return null;
	}

}
