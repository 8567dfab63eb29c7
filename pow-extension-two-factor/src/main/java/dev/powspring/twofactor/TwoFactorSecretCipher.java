package dev.powspring.twofactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM. The key is derived from a configured
 * secret with HMAC-SHA256 and a purpose label, so the same {@code pow.secret-key} that
 * signs tokens never serves as an encryption key itself. Each secret is bound to its
 * user as additional authenticated data, so a secret copied into another user's row does
 * not decrypt.
 * <p>
 * The stored form is {@code v1:} followed by the Base64 of a random 12-byte nonce and the
 * ciphertext with its tag. Instances are immutable and thread-safe.
 */
public final class TwoFactorSecretCipher {

	private static final String PREFIX = "v1:";

	private static final String PURPOSE = "pow two-factor secret encryption v1";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	/**
	 * Create a cipher whose key is derived from a configured secret.
	 * @param secret the secret, such as {@code pow.secret-key}; at least 32 characters
	 * @throws IllegalArgumentException when the secret is missing or shorter
	 */
	public TwoFactorSecretCipher(String secret) {
		this(bytesOf(secret));
	}

	private TwoFactorSecretCipher(byte[] secret) {
		this.key = new SecretKeySpec(derive(secret), "AES");
	}

	/**
	 * Create a cipher with a random key, for applications without a configured secret:
	 * secrets it encrypts cannot be read after a restart.
	 * @return the cipher
	 */
	public static TwoFactorSecretCipher random() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return new TwoFactorSecretCipher(secret);
	}

	/**
	 * Encrypt a user's secret.
	 * @param userId the user's primary key
	 * @param secret the TOTP secret
	 * @return the stored form
	 */
	public String encrypt(Long userId, byte[] secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData(userId));
			byte[] sealed = cipher.doFinal(secret);
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * Decrypt a user's secret.
	 * @param userId the user's primary key
	 * @param stored the stored form
	 * @return the secret, or empty when it was encrypted with another key, for another
	 * user, or tampered with
	 */
	public Optional<byte[]> decrypt(Long userId, String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return Optional.empty();
		}
		try {
			byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			if (sealed.length <= NONCE_BYTES) {
				return Optional.empty();
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData(userId));
			return Optional.of(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	private static byte[] associatedData(Long userId) {
		return ("pow-two-factor:" + userId).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytesOf(String secret) {
		if (secret == null || secret.length() < 32) {
			throw new IllegalArgumentException("The two-factor encryption key must be at least 32 characters long");
		}
		return secret.getBytes(StandardCharsets.UTF_8);
	}

	// HKDF-Expand (RFC 5869) of one block, with the configured secret as the
	// pseudorandom key and the purpose as info: a key for this use only.
	private static byte[] derive(byte[] secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.update(PURPOSE.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 1);
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
