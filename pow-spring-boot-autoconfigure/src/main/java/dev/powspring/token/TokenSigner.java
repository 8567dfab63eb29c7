package dev.powspring.token;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies tokens that are handed to clients, with HMAC-SHA256.
 * <p>
 * A signed token has the form {@code value + "." + signature}, where the signature is
 * the unpadded Base64url encoding of {@code HMAC-SHA256(key, purpose + '\n' + value)}.
 * The purpose (for example {@code "session"}, {@code "flash"} or {@code "csrf"})
 * binds a signature to one use, so a value signed for one purpose never verifies for
 * another. Signing does not encrypt: the value stays readable by the client.
 * <p>
 * Instances are immutable and thread-safe. A {@link Mac} is not thread-safe, so every
 * call works on its own copy of one keyed at construction, rather than on one kept in a
 * {@link ThreadLocal}, which could pin the class loader of a redeployed application.
 */
public final class TokenSigner {

	// The output length of SHA-256; a shorter HMAC key weakens the MAC.
	/** The shortest secret key accepted, in characters (and bytes of a raw key). */
	public static final int MIN_KEY_LENGTH = 32;

	private static final String ALGORITHM = "HmacSHA256";

	// Base64url of a 32-byte MAC without padding.
	private static final int SIGNATURE_LENGTH = 43;

	private static final int RANDOM_TOKEN_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeySpec key;

	// Keyed once and never used itself: only its clones compute MACs.
	private final Mac prototype;

	// What every purpose is qualified with when it names something, such as the current
	// tenant; null for none.
	private final Supplier<String> scope;

	/**
	 * Create a signer with the given key.
	 * @param secret the key, at least 32 bytes; it is copied, so
	 * the caller may clear its array afterwards
	 * @throws IllegalArgumentException if {@code secret} is {@code null} or shorter
	 * than 32 bytes
	 */
	public TokenSigner(byte[] secret) {
		if (secret == null || secret.length < MIN_KEY_LENGTH) {
			throw new IllegalArgumentException("The signing key must be at least " + MIN_KEY_LENGTH + " bytes long");
		}
		// SecretKeySpec copies the array, so later changes to it have no effect here.
		this.key = new SecretKeySpec(secret, ALGORITHM);
		this.prototype = keyedMac(this.key);
		this.scope = null;
	}

	private TokenSigner(TokenSigner signer, Supplier<String> scope) {
		this.key = signer.key;
		this.prototype = signer.prototype;
		this.scope = scope;
	}

	/**
	 * Return a signer with the same key whose tokens are bound to a scope as well as to
	 * their purpose: a token signed while the scope names one value (a tenant) verifies
	 * only while it names the same one. A scope of {@code null} leaves purposes as they
	 * are.
	 * @param scope supplies the current scope, without line feeds, or {@code null}
	 * @return the scoped signer
	 */
	public TokenSigner scopedBy(Supplier<String> scope) {
		return new TokenSigner(this, scope);
	}

	/**
	 * Create a signer whose key is the UTF-8 encoding of a configured secret.
	 * <p>
	 * A short secret is rejected rather than stretched with a hash: hashing would
	 * make the key longer but no harder to guess.
	 * @param secret the value of {@code pow.secret-key}, at least
	 * 32 characters
	 * @return a signer using that secret
	 * @throws IllegalArgumentException if {@code secret} is {@code null} or shorter
	 * than 32 characters
	 */
	public static TokenSigner fromSecret(String secret) {
		if (secret == null || secret.length() < MIN_KEY_LENGTH) {
			throw new IllegalArgumentException("pow.secret-key must be at least " + MIN_KEY_LENGTH
					+ " characters long; generate one with, for example, 'openssl rand -base64 48'");
		}
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		try {
			return new TokenSigner(bytes);
		}
		finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	/**
	 * Create a signer with a random 32-byte key. Tokens it signs
	 * stop verifying when the application restarts and are not accepted by other
	 * instances, so this is only suitable when no {@code pow.secret-key} is set.
	 * @return a signer with a fresh random key
	 */
	public static TokenSigner random() {
		byte[] bytes = new byte[MIN_KEY_LENGTH];
		RANDOM.nextBytes(bytes);
		try {
			return new TokenSigner(bytes);
		}
		finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	/**
	 * Generate an unguessable token: 32 random bytes, encoded
	 * as Base64url without padding (43 characters of {@code [A-Za-z0-9_-]}).
	 * @return a new random token
	 */
	public static String randomToken() {
		byte[] bytes = new byte[RANDOM_TOKEN_BYTES];
		RANDOM.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

	/**
	 * Sign a value for the given purpose.
	 * @param purpose what the token is used for; not empty and without a line feed,
	 * which separates it from the value in the signed message
	 * @param value the value to sign; may contain {@code '.'}
	 * @return {@code value + "." + signature}
	 * @throws IllegalArgumentException if {@code purpose} is invalid, or if
	 * {@code value} is {@code null} or not well-formed UTF-16 (an unpaired surrogate
	 * would be encoded as {@code '?'} and share its signature with another value)
	 */
	public String sign(String purpose, String value) {
		if (!isValidPurpose(purpose)) {
			throw new IllegalArgumentException("purpose must be non-empty and must not contain a line feed");
		}
		if (value == null) {
			throw new IllegalArgumentException("value must not be null");
		}
		byte[] message = message(scoped(purpose), value);
		if (message == null) {
			throw new IllegalArgumentException("value must be well-formed UTF-16");
		}
		return value + "." + ENCODER.encodeToString(mac(message));
	}

	/**
	 * Verify a signed token for the given purpose. The token is split at its last
	 * {@code '.'}, and the signature is compared in constant time.
	 * <p>
	 * This method never throws: any input that is not a token signed by this key for
	 * this purpose, including {@code null} and malformed input, yields an empty
	 * result. That includes an invalid {@code purpose}, which nothing can have been
	 * signed for.
	 * @param purpose the purpose the token must have been signed for
	 * @param signed the token as received from the client, may be {@code null}
	 * @return the value if the signature is valid; otherwise empty
	 */
	public Optional<String> verify(String purpose, String signed) {
		if (signed == null || !isValidPurpose(purpose)) {
			return Optional.empty();
		}
		int dot = signed.lastIndexOf('.');
		// A signature of the wrong length can never match, so skip computing the MAC
		// over what might be a very large value.
		if (dot < 0 || signed.length() - dot - 1 != SIGNATURE_LENGTH) {
			return Optional.empty();
		}
		String value = signed.substring(0, dot);
		byte[] message = message(scoped(purpose), value);
		if (message == null) {
			return Optional.empty();
		}
		// Comparing encoded signatures rather than decoding the received one keeps the
		// token canonical: Base64 decoders ignore unused trailing bits, which would let
		// several spellings of a signature verify.
		byte[] expected = ENCODER.encode(mac(message));
		byte[] actual = signed.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, actual) ? Optional.of(value) : Optional.empty();
	}

	private String scoped(String purpose) {
		String current = (this.scope != null) ? this.scope.get() : null;
		return (current != null && current.indexOf('\n') < 0) ? purpose + '@' + current : purpose;
	}

	private static boolean isValidPurpose(String purpose) {
		return purpose != null && !purpose.isEmpty() && purpose.indexOf('\n') < 0;
	}

	// Returns null when the text cannot be encoded as UTF-8 without loss.
	private static byte[] message(String purpose, String value) {
		try {
			ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.encode(CharBuffer.wrap(purpose + '\n' + value));
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private byte[] mac(byte[] message) {
		return newMac().doFinal(message);
	}

	// Cloning a keyed Mac skips the provider lookup and the key set-up that dominate the
	// cost of signing a short value; providers that cannot clone get a new instance.
	private Mac newMac() {
		try {
			return (Mac) this.prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			return keyedMac(this.key);
		}
	}

	private static Mac keyedMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			// HmacSHA256 is required of every Java platform, so this is a broken JRE.
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
