package dev.powspring.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The form in which tokens are stored: a SHA-256 hash, so that a leaked table or store
 * holds nothing a client could present. Tokens are random and long, so an unsalted fast
 * hash is enough.
 */
public final class TokenHashes {

	private TokenHashes() {
	}

	/**
	 * Hash a token.
	 * @param token the raw token
	 * @return its SHA-256 hash, 64 hexadecimal digits
	 */
	public static String sha256(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
