package dev.powspring.token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TokenSigner}.
 */
class TokenSignerTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

	private final TokenSigner signer = TokenSigner.fromSecret(SECRET);

	@Test
	void verifyWhenSignedBySameKeyAndPurposeThenValue() {
		String signed = this.signer.sign("session", "abc123");

		assertThat(signed).startsWith("abc123.");
		assertThat(this.signer.verify("session", signed)).contains("abc123");
	}

	@Test
	void signWhenCalledTwiceThenSameToken() {
		assertThat(this.signer.sign("session", "abc123")).isEqualTo(this.signer.sign("session", "abc123"));
	}

	@Test
	void signThenSignatureIsHmacSha256OfPurposeNewlineValue() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal("flash\nvalue".getBytes(StandardCharsets.UTF_8)));

		assertThat(this.signer.sign("flash", "value")).isEqualTo("value." + expected);
	}

	@Test
	void signWhenManyThreadsSignAtOnceThenEachGetsTheSignatureOfItsOwnValue() throws Exception {
		TokenSigner signer = TokenSigner.fromSecret(SECRET);
		Map<String, String> expected = new HashMap<>();
		for (int i = 0; i < 200; i++) {
			expected.put("value-" + i, signer.sign("session", "value-" + i));
		}
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int round = 0; round < 20; round++) {
				for (String value : expected.keySet()) {
					results.add(threads.submit(() -> signer.sign("session", value).equals(expected.get(value))
							&& signer.verify("session", expected.get(value)).equals(Optional.of(value))));
				}
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void signThenSignatureIsUnpaddedBase64Url() {
		String signed = this.signer.sign("session", "abc123");

		assertThat(signed.substring(signed.lastIndexOf('.') + 1)).matches("^[A-Za-z0-9_-]{43}$");
	}

	@Test
	void verifyWhenValueTamperedThenEmpty() {
		String signed = this.signer.sign("session", "user-1");
		String tampered = "user-2" + signed.substring("user-1".length());

		assertThat(this.signer.verify("session", tampered)).isEmpty();
	}

	@Test
	void verifyWhenSignatureTamperedThenEmpty() {
		String signed = this.signer.sign("session", "user-1");
		char last = signed.charAt(signed.length() - 1);
		String tampered = signed.substring(0, signed.length() - 1) + ((last == 'A') ? 'B' : 'A');

		assertThat(this.signer.verify("session", tampered)).isEmpty();
	}

	@Test
	void verifyWhenSignatureHasNonCanonicalTrailingBitsThenEmpty() {
		// The last of 43 characters carries only 4 bits of the MAC; a decoder ignores
		// the other 2, so flipping them must still be caught.
		String signed = this.signer.sign("session", "user-1");
		int last = signed.length() - 1;
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		int index = alphabet.indexOf(signed.charAt(last));
		String variant = signed.substring(0, last) + alphabet.charAt(index ^ 1);

		assertThat(Base64.getUrlDecoder().decode(variant.substring(variant.lastIndexOf('.') + 1)))
			.isEqualTo(Base64.getUrlDecoder().decode(signed.substring(signed.lastIndexOf('.') + 1)));
		assertThat(this.signer.verify("session", variant)).isEmpty();
	}

	@Test
	void verifyWhenSignedForAnotherPurposeThenEmpty() {
		String signed = this.signer.sign("flash", "abc123");

		assertThat(this.signer.verify("session", signed)).isEmpty();
		assertThat(this.signer.verify("csrf", signed)).isEmpty();
	}

	@Test
	void verifyWhenPurposeAndValueSplitDifferentlyThenEmpty() {
		String signed = this.signer.sign("a", "b\nc");

		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign("a\nb", "c"));
		assertThat(this.signer.verify("a\nb", "c" + signed.substring(signed.lastIndexOf('.')))).isEmpty();
	}

	@Test
	void verifyWhenSignedByAnotherKeyThenEmpty() {
		TokenSigner other = TokenSigner.fromSecret("another-secret-that-is-long-enough-0123456789");

		assertThat(this.signer.verify("session", other.sign("session", "abc123"))).isEmpty();
		assertThat(TokenSigner.random().verify("session", this.signer.sign("session", "abc123"))).isEmpty();
	}

	@Test
	void verifyWhenValueIsUnsignedThenEmpty() {
		assertThat(this.signer.verify("session", "abc123")).isEmpty();
		assertThat(this.signer.verify("session", TokenSigner.randomToken())).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("malformedTokens")
	void verifyWhenMalformedThenEmptyWithoutException(String signed) {
		assertThat(this.signer.verify("session", signed)).isEmpty();
	}

	static Stream<String> malformedTokens() {
		String validSignatureLength = "A".repeat(43);
		return Stream.of(null, "", ".", "abc", "abc.", ".sig", "a.b.c", "abc.!!!notbase64!!!",
				"abc." + "*".repeat(43), "abc." + validSignatureLength, "abc." + validSignatureLength + "=",
				"abc.AAAA====", "abc.\u00e9\u00e9\u00e9", "\u2603.\u2603", "\uD800." + validSignatureLength,
				"x".repeat(1024 * 1024), "x".repeat(1024 * 1024) + "." + validSignatureLength,
				".".repeat(1024 * 1024));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "a\nb", "\n" })
	void verifyWhenPurposeInvalidThenEmptyWithoutException(String purpose) {
		assertThat(this.signer.verify(purpose, this.signer.sign("session", "abc123"))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a.b", "a.b.c", ".", "..", "trailing.", ".leading", "" })
	void verifyWhenValueContainsDotsOrIsEmptyThenRoundTrips(String value) {
		assertThat(this.signer.verify("flash", this.signer.sign("flash", value))).contains(value);
	}

	@Test
	void verifyWhenValueIsUnicodeThenRoundTrips() {
		String value = "Grüße ✓ 😀 δοκιμή";

		assertThat(this.signer.verify("flash", this.signer.sign("flash", value))).contains(value);
	}

	@Test
	void verifyWhenValueIsLargeThenRoundTrips() {
		String value = "v".repeat(1024 * 1024);

		assertThat(this.signer.verify("flash", this.signer.sign("flash", value))).contains(value);
	}

	@Test
	void signWhenValueIsNullThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign("session", null));
	}

	@Test
	void signWhenValueHasUnpairedSurrogateThenRejected() {
		// Lenient UTF-8 encoding would turn it into '?', sharing a signature with "a?".
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign("session", "a\uD800"));
		String signedLookAlike = this.signer.sign("session", "a?");
		assertThat(this.signer.verify("session", "a\uD800" + signedLookAlike.substring(2))).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "a\nb", "\n" })
	void signWhenPurposeInvalidThenRejected(String purpose) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign(purpose, "value"));
	}

	@Test
	void constructorWhenKeyShorterThan32BytesThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenSigner(new byte[31]))
			.withMessageContaining("32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenSigner(new byte[0]));
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenSigner(null));
	}

	@Test
	void constructorWhenKeyIs32BytesThenAccepted() {
		TokenSigner signer = new TokenSigner(new byte[32]);

		assertThat(signer.verify("session", signer.sign("session", "abc"))).contains("abc");
	}

	@Test
	void constructorWhenCallerChangesKeyArrayThenSignerUnaffected() {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) 7);
		TokenSigner signer = new TokenSigner(key);
		String signed = signer.sign("session", "abc");

		Arrays.fill(key, (byte) 0);

		assertThat(signer.verify("session", signed)).contains("abc");
		assertThat(signer.sign("session", "abc")).isEqualTo(signed);
		assertThat(new TokenSigner(key).verify("session", signed)).isEmpty();
	}

	@Test
	void fromSecretThenKeyIsUtf8BytesOfSecret() {
		byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);

		assertThat(new TokenSigner(key).sign("session", "abc")).isEqualTo(this.signer.sign("session", "abc"));
	}

	@ParameterizedTest
	@MethodSource("shortSecrets")
	void fromSecretWhenShorterThan32CharactersThenRejectedNamingProperty(String secret) {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenSigner.fromSecret(secret))
			.withMessageContaining("pow.secret-key")
			.withMessageContaining("32 characters");
	}

	static Stream<Arguments> shortSecrets() {
		return Stream.of(Arguments.of((String) null), Arguments.of(""), Arguments.of("too-short"),
				Arguments.of("x".repeat(31)));
	}

	@Test
	void fromSecretWhen32CharactersThenAccepted() {
		TokenSigner signer = TokenSigner.fromSecret("x".repeat(32));

		assertThat(signer.verify("session", signer.sign("session", "abc"))).contains("abc");
	}

	@Test
	void randomWhenCalledTwiceThenDifferentKeys() {
		TokenSigner first = TokenSigner.random();
		TokenSigner second = TokenSigner.random();

		assertThat(first.verify("session", first.sign("session", "abc"))).contains("abc");
		assertThat(second.verify("session", first.sign("session", "abc"))).isEmpty();
	}

	@Test
	void randomTokenThenUnpaddedBase64UrlOf32Bytes() {
		String token = TokenSigner.randomToken();

		assertThat(token).matches("^[A-Za-z0-9_-]{43}$");
		assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
	}

	@Test
	void randomTokenWhenCalledRepeatedlyThenUnique() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String token = TokenSigner.randomToken();
			assertThat(token).matches("^[A-Za-z0-9_-]{43}$");
			tokens.add(token);
		}

		assertThat(tokens).hasSize(10_000);
	}

	@Test
	void toStringThenDoesNotRevealKey() {
		assertThat(this.signer.toString()).doesNotContain(SECRET);
	}

	@Test
	void verifyWhenScopedThenOnlyUnderTheScopeItWasSignedIn() {
		String[] tenant = { "acme" };
		TokenSigner scoped = this.signer.scopedBy(() -> tenant[0]);
		String token = scoped.sign("session", "abc");

		assertThat(scoped.verify("session", token)).hasValue("abc");
		tenant[0] = "globex";
		assertThat(scoped.verify("session", token)).isEmpty();
		assertThat(this.signer.verify("session", token)).as("unscoped").isEmpty();
		tenant[0] = null;
		assertThat(scoped.verify("session", this.signer.sign("session", "abc"))).as("no scope").hasValue("abc");
	}

}
