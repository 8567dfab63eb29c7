package dev.powspring.password;

import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Pbkdf2Sha512PasswordEncoder}.
 */
class Pbkdf2Sha512PasswordEncoderTests {

	// Made outside the JVM, with:
	// python3 -c "import hashlib,base64; salt=b'powspringsalt16!'; print('\$pbkdf2-sha512\$100000\$'+base64.b64encode(salt).decode()+'\$'+base64.b64encode(hashlib.pbkdf2_hmac('sha512', 'secret1234'.encode(), salt, 100000, 64)).decode())"
	private static final String PYTHON_HASH = "$pbkdf2-sha512$100000$cG93c3ByaW5nc2FsdDE2IQ==$"
			+ "TIKqv2v8y5ZQtCQso5UO6FyQh3YvoYY/6KVb1b3fZEXrFfCEw0uzxyuIaIAXrtTQo8pMKwlkNOeMVj3XI7OzFQ==";

	// Made outside the JVM, with:
	// python3 -c "import hashlib,base64; salt=b'unicode-salt-16b'; print('\$pbkdf2-sha512\$1000\$'+base64.b64encode(salt).decode()+'\$'+base64.b64encode(hashlib.pbkdf2_hmac('sha512', 'pässwörd✓1'.encode(), salt, 1000, 64)).decode())"
	private static final String PYTHON_NON_ASCII_HASH = "$pbkdf2-sha512$1000$dW5pY29kZS1zYWx0LTE2Yg==$"
			+ "uRJT087aBxuw/fBVUy2W0xoVjt3X0OY3asKJPQrdQuIrUCxBOZXRogPufNKB/KO6DZp5OWdyIH24VY46DaUrPg==";

	// Parts of a valid hash of "secret1234" that the malformed cases are built from, made with:
	// python3 -c "import hashlib,base64; salt=b'saltsaltsaltsalt'; print('\$pbkdf2-sha512\$10\$'+base64.b64encode(salt).decode()+'\$'+base64.b64encode(hashlib.pbkdf2_hmac('sha512', 'secret1234'.encode(), salt, 10, 64)).decode())"
	private static final String SALT = "c2FsdHNhbHRzYWx0c2FsdA==";

	private static final String HASH = "x6Yt8SsQkMJAg8gpPpzV+2u6bLi58aF2uhJgkIUyZktob7mh1HDVP0a4"
			+ "BRj++srPkpgEzR1CXL/2SuZlh1ElLg==";

	private static final Pattern FORMAT = Pattern
		.compile("^\\$pbkdf2-sha512\\$(\\d+)\\$([A-Za-z0-9+/]+={0,2})\\$([A-Za-z0-9+/]+={0,2})$");

	private final Pbkdf2Sha512PasswordEncoder encoder = new Pbkdf2Sha512PasswordEncoder(10);

	@Test
	void matchesWhenHashMadeByPythonHashlibThenTrue() {
		Pbkdf2Sha512PasswordEncoder encoder = new Pbkdf2Sha512PasswordEncoder();
		assertThat(encoder.matches("secret1234", PYTHON_HASH)).isTrue();
	}

	@Test
	void matchesWhenPasswordDiffersFromPythonHashThenFalse() {
		Pbkdf2Sha512PasswordEncoder encoder = new Pbkdf2Sha512PasswordEncoder();
		assertThat(encoder.matches("secret1235", PYTHON_HASH)).isFalse();
	}

	@Test
	void matchesWhenNonAsciiPasswordHashedByPythonHashlibThenTrue() {
		assertThat(this.encoder.matches("pässwörd✓1", PYTHON_NON_ASCII_HASH)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "passwörd✓1", "pässword✓1", "pässwörd?1", "pässwörd✓" })
	void matchesWhenNonAsciiPasswordDiffersFromPythonHashThenFalse(String password) {
		assertThat(this.encoder.matches(password, PYTHON_NON_ASCII_HASH)).isFalse();
	}

	@Test
	void matchesWhenHashBuiltFromFixturePartsThenTrue() {
		// Guards the malformed cases below: each differs from this in one way only.
		assertThat(this.encoder.matches("secret1234", "$pbkdf2-sha512$10$" + SALT + "$" + HASH)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "secret1234", "pässwörd✓1", "", " ", "emoji 🔐 outside the BMP" })
	void matchesWhenPasswordWasEncodedThenTrue(String password) {
		assertThat(this.encoder.matches(password, this.encoder.encode(password))).isTrue();
	}

	@Test
	void matchesWhenPasswordDiffersFromEncodedThenFalse() {
		assertThat(this.encoder.matches("secret1235", this.encoder.encode("secret1234"))).isFalse();
	}

	@Test
	void matchesWhenRawPasswordIsNullThenFalse() {
		assertThat(this.encoder.matches(null, this.encoder.encode("secret1234"))).isFalse();
	}

	@Test
	void matchesWhenHashHasOtherIterationsThenUsesStoredIterations() {
		String encoded = new Pbkdf2Sha512PasswordEncoder(1).encode("secret1234");
		assertThat(this.encoder.matches("secret1234", encoded)).isTrue();
	}

	@Test
	void encodeWhenCalledTwiceThenSaltsDiffer() {
		assertThat(this.encoder.encode("secret1234")).isNotEqualTo(this.encoder.encode("secret1234"));
	}

	@Test
	void encodeThenPowFormat() {
		String encoded = this.encoder.encode("secret1234");
		Matcher matcher = FORMAT.matcher(encoded);
		assertThat(matcher.matches()).as(encoded).isTrue();
		assertThat(encoded.split("\\$", -1)).hasSize(5);
		assertThat(matcher.group(1)).isEqualTo("10");
		assertThat(Base64.getDecoder().decode(matcher.group(2))).hasSize(16);
		assertThat(Base64.getDecoder().decode(matcher.group(3))).hasSize(64);
	}

	@Test
	void encodeWhenDefaultConstructorThenDefaultIterations() {
		assertThat(new Pbkdf2Sha512PasswordEncoder().getIterations())
			.isEqualTo(Pbkdf2Sha512PasswordEncoder.DEFAULT_ITERATIONS)
			.isEqualTo(210_000);
	}

	@Test
	void encodeWhenNullThenIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.encoder.encode(null));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, Integer.MIN_VALUE })
	void constructorWhenIterationsLessThanOneThenIllegalArgumentException(int iterations) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Pbkdf2Sha512PasswordEncoder(iterations));
	}

	@Test
	void upgradeEncodingWhenIterationsDifferThenTrue() {
		String encoded = new Pbkdf2Sha512PasswordEncoder(1).encode("secret1234");
		assertThat(this.encoder.upgradeEncoding(encoded)).isTrue();
		assertThat(new Pbkdf2Sha512PasswordEncoder().upgradeEncoding(PYTHON_NON_ASCII_HASH)).isTrue();
	}

	@Test
	void upgradeEncodingWhenIterationsSameThenFalse() {
		assertThat(this.encoder.upgradeEncoding(this.encoder.encode("secret1234"))).isFalse();
		assertThat(new Pbkdf2Sha512PasswordEncoder(100_000).upgradeEncoding(PYTHON_HASH)).isFalse();
	}

	@Test
	void upgradeEncodingWhenMadeAtElixirPowsCostThenTrue() {
		assertThat(new Pbkdf2Sha512PasswordEncoder().upgradeEncoding(PYTHON_HASH)).isTrue();
	}

	@Test
	void upgradeEncodingWhenIterationsAtLimitThenTrue() {
		// 10,000,000 is the largest count accepted; one more is among the malformed cases.
		assertThat(this.encoder.upgradeEncoding("$pbkdf2-sha512$10000000$" + SALT + "$" + HASH)).isTrue();
	}

	@ParameterizedTest
	@MethodSource("malformedHashes")
	void matchesWhenHashIsMalformedThenFalse(String encoded) {
		assertThat(this.encoder.matches("secret1234", encoded)).isFalse();
		// Unlike matches, upgradeEncoding would be true for a well-formed hash with
		// other iterations, so this shows the hash was rejected as malformed.
		assertThat(new Pbkdf2Sha512PasswordEncoder(1234).upgradeEncoding(encoded)).isFalse();
	}

	static Stream<String> malformedHashes() {
		String saltAndHash = SALT + "$" + HASH;
		Base64.Encoder base64 = Base64.getEncoder();
		String shortHash = base64.encodeToString(Arrays.copyOf(Base64.getDecoder().decode(HASH), 63));
		return Stream.of(null, "", "plaintext", "secret1234",
				// Wrong prefix
				"$pbkdf2-sha256$10$" + saltAndHash, "$PBKDF2-SHA512$10$" + saltAndHash,
				"pbkdf2-sha512$10$" + saltAndHash, " $pbkdf2-sha512$10$" + saltAndHash,
				// Wrong number of parts
				"$pbkdf2-sha512$", "$pbkdf2-sha512$$$", "$pbkdf2-sha512$10$" + SALT, "$pbkdf2-sha512$10$" + SALT + "$",
				"$pbkdf2-sha512$10$" + saltAndHash + "$", "$pbkdf2-sha512$10$" + saltAndHash + "$extra",
				// Bad iterations
				"$pbkdf2-sha512$abc$c2FsdA==$aGFzaA==", "$pbkdf2-sha512$abc$" + saltAndHash,
				"$pbkdf2-sha512$0$" + saltAndHash, "$pbkdf2-sha512$-1$" + saltAndHash,
				"$pbkdf2-sha512$+10$" + saltAndHash, "$pbkdf2-sha512$10000001$" + saltAndHash,
				"$pbkdf2-sha512$99999999999$" + saltAndHash,
				// Bad Base64 or empty salt
				"$pbkdf2-sha512$100$!!!$###", "$pbkdf2-sha512$10$!!!$" + HASH, "$pbkdf2-sha512$10$" + SALT + "$###",
				"$pbkdf2-sha512$10$$" + HASH,
				// Wrong hash length
				"$pbkdf2-sha512$10$" + SALT + "$" + shortHash,
				"$pbkdf2-sha512$10$" + SALT + "$" + base64.encodeToString(new byte[32]),
				"$pbkdf2-sha512$10$" + SALT + "$" + base64.encodeToString(new byte[65]));
	}

}
