package dev.powspring.password;

/**
 * The algorithms Pow can hash new passwords with, selected with the
 * {@code pow.password.algorithm} property.
 */
public enum PasswordAlgorithm {

	/**
	 * PBKDF2 with HMAC-SHA512 in Pow's {@code $pbkdf2-sha512$} format, the default of
	 * Elixir Pow.
	 */
	PBKDF2_SHA512,

	/**
	 * BCrypt in the usual {@code $2a$} format.
	 */
	BCRYPT,

	/**
	 * Argon2id in the PHC {@code $argon2id$} format; requires BouncyCastle
	 * ({@code org.bouncycastle:bcprov-jdk18on}) on the classpath.
	 */
	ARGON2

}
