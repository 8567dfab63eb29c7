package dev.powspring.twofactor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Secrets encrypted at rest, bound to their user and key.
 */
class TwoFactorSecretCipherTests {

	private final TwoFactorSecretCipher cipher = new TwoFactorSecretCipher("a-secret-key-of-at-least-32-characters");

	@Test
	void decryptsWhatItEncrypted() {
		byte[] secret = Totp.newSecret();

		String stored = this.cipher.encrypt(7L, secret);

		assertThat(stored).startsWith("v1:");
		assertThat(this.cipher.decrypt(7L, stored)).hasValue(secret);
		assertThat(this.cipher.encrypt(7L, secret)).as("a fresh nonce each time").isNotEqualTo(stored);
	}

	@Test
	void otherUserOtherKeyOrTamperedDoesNotDecrypt() {
		String stored = this.cipher.encrypt(7L, Totp.newSecret());
		char last = stored.charAt(stored.length() - 2);

		assertThat(this.cipher.decrypt(8L, stored)).isEmpty();
		assertThat(new TwoFactorSecretCipher("another-secret-key-of-32-characters!").decrypt(7L, stored)).isEmpty();
		assertThat(this.cipher.decrypt(7L, stored.substring(0, stored.length() - 2) + (char) (last ^ 1)
				+ stored.charAt(stored.length() - 1))).isEmpty();
		assertThat(this.cipher.decrypt(7L, "v1:not base64")).isEmpty();
	}

	@Test
	void shortKeyRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TwoFactorSecretCipher("too short"));
	}

}
