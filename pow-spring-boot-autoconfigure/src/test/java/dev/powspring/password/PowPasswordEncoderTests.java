package dev.powspring.password;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.OverridingClassLoader;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link PowPasswordEncoder}.
 */
class PowPasswordEncoderTests {

	private static final int ITERATIONS = 10;

	private static final int STRENGTH = 4;

	// Made outside the JVM, with:
	// python3 -c "import hashlib,base64; salt=b'saltsaltsaltsalt'; print('\$pbkdf2-sha512\$10\$'+base64.b64encode(salt).decode()+'\$'+base64.b64encode(hashlib.pbkdf2_hmac('sha512', 'secret1234'.encode(), salt, 10, 64)).decode())"
	private static final String PYTHON_PBKDF2_HASH = "$pbkdf2-sha512$10$c2FsdHNhbHRzYWx0c2FsdA==$"
			+ "x6Yt8SsQkMJAg8gpPpzV+2u6bLi58aF2uhJgkIUyZktob7mh1HDVP0a4BRj++srPkpgEzR1CXL/2SuZlh1ElLg==";

	@ParameterizedTest
	@EnumSource(PasswordAlgorithm.class)
	void matchesWhenEncodedWithConfiguredAlgorithmThenTrue(PasswordAlgorithm algorithm) {
		PowPasswordEncoder encoder = encoder(algorithm);
		String encoded = encoder.encode("secret1234");
		assertThat(encoder.matches("secret1234", encoded)).isTrue();
		assertThat(encoder.matches("secret1235", encoded)).isFalse();
		assertThat(encoder.upgradeEncoding(encoded)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(PasswordAlgorithm.class)
	void matchesWhenNonAsciiPasswordEncodedThenTrue(PasswordAlgorithm algorithm) {
		PowPasswordEncoder encoder = encoder(algorithm);
		assertThat(encoder.matches("pässwörd✓1", encoder.encode("pässwörd✓1"))).isTrue();
	}

	@Test
	void encodeWhenPbkdf2ThenPowPbkdf2Format() {
		assertThat(encoder(PasswordAlgorithm.PBKDF2_SHA512).encode("secret1234")).startsWith("$pbkdf2-sha512$10$");
	}

	@Test
	void encodeWhenBcryptThenBcryptFormatWithConfiguredStrength() {
		assertThat(encoder(PasswordAlgorithm.BCRYPT).encode("secret1234")).startsWith("$2a$04$");
	}

	@Test
	void encodeWhenArgon2ThenArgon2idFormat() {
		assertThat(encoder(PasswordAlgorithm.ARGON2).encode("secret1234")).startsWith("$argon2id$");
	}

	@ParameterizedTest
	@EnumSource(PasswordAlgorithm.class)
	void encodeWhenNullThenIllegalArgumentException(PasswordAlgorithm algorithm) {
		assertThatIllegalArgumentException().isThrownBy(() -> encoder(algorithm).encode(null));
	}

	@ParameterizedTest
	@EnumSource(PasswordAlgorithm.class)
	void matchesWhenHashMadeByPythonHashlibThenTrueForEveryAlgorithm(PasswordAlgorithm algorithm) {
		assertThat(encoder(algorithm).matches("secret1234", PYTHON_PBKDF2_HASH)).isTrue();
		assertThat(encoder(algorithm).matches("secret1235", PYTHON_PBKDF2_HASH)).isFalse();
	}

	@Test
	void matchesWhenPbkdf2HashAndBcryptConfiguredThenTrueAndNeedsUpgrade() {
		PowPasswordEncoder encoder = encoder(PasswordAlgorithm.BCRYPT);
		String encoded = encoder(PasswordAlgorithm.PBKDF2_SHA512).encode("secret1234");
		assertThat(encoder.matches("secret1234", encoded)).isTrue();
		assertThat(encoder.upgradeEncoding(encoded)).isTrue();
	}

	@Test
	void matchesWhenBcryptHashAndPbkdf2ConfiguredThenTrueAndNeedsUpgrade() {
		PowPasswordEncoder encoder = encoder(PasswordAlgorithm.PBKDF2_SHA512);
		String encoded = encoder(PasswordAlgorithm.BCRYPT).encode("secret1234");
		assertThat(encoder.matches("secret1234", encoded)).isTrue();
		assertThat(encoder.upgradeEncoding(encoded)).isTrue();
	}

	@Test
	void matchesWhenArgon2HashAndPbkdf2ConfiguredThenTrueAndNeedsUpgrade() {
		PowPasswordEncoder encoder = encoder(PasswordAlgorithm.PBKDF2_SHA512);
		String encoded = encoder(PasswordAlgorithm.ARGON2).encode("secret1234");
		assertThat(encoder.matches("secret1234", encoded)).isTrue();
		assertThat(encoder.upgradeEncoding(encoded)).isTrue();
	}

	@Test
	void matchesWhenPbkdf2HashAndArgon2ConfiguredThenTrueAndNeedsUpgrade() {
		PowPasswordEncoder encoder = encoder(PasswordAlgorithm.ARGON2);
		assertThat(encoder.matches("secret1234", PYTHON_PBKDF2_HASH)).isTrue();
		assertThat(encoder.upgradeEncoding(PYTHON_PBKDF2_HASH)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "$2b$", "$2y$" })
	void matchesWhenOtherBcryptVersionThenTrue(String prefix) {
		// For short ASCII passwords 2a, 2b and 2y hash identically; only the label differs.
		String encoded = prefix + encoder(PasswordAlgorithm.BCRYPT).encode("secret1234").substring(4);
		assertThat(encoder(PasswordAlgorithm.PBKDF2_SHA512).matches("secret1234", encoded)).isTrue();
		assertThat(encoder(PasswordAlgorithm.BCRYPT).matches("secret1234", encoded)).isTrue();
		assertThat(encoder(PasswordAlgorithm.BCRYPT).upgradeEncoding(encoded)).isFalse();
	}

	@Test
	void upgradeEncodingWhenBcryptStrengthLowerThanConfiguredThenTrue() {
		String encoded = new BCryptPasswordEncoder(STRENGTH).encode("secret1234");
		PowPasswordEncoder encoder = new PowPasswordEncoder(PasswordAlgorithm.BCRYPT, ITERATIONS, STRENGTH + 1);
		assertThat(encoder.matches("secret1234", encoded)).isTrue();
		assertThat(encoder.upgradeEncoding(encoded)).isTrue();
	}

	@Test
	void upgradeEncodingWhenBcryptStrengthHigherThanConfiguredThenFalse() {
		// BCryptPasswordEncoder never downgrades a hash to a lower cost.
		String encoded = new BCryptPasswordEncoder(STRENGTH + 1).encode("secret1234");
		PowPasswordEncoder encoder = encoder(PasswordAlgorithm.BCRYPT);
		assertThat(encoder.matches("secret1234", encoded)).isTrue();
		assertThat(encoder.upgradeEncoding(encoded)).isFalse();
	}

	@Test
	void upgradeEncodingWhenPbkdf2IterationsDifferThenTrue() {
		String encoded = new Pbkdf2Sha512PasswordEncoder(ITERATIONS + 1).encode("secret1234");
		PowPasswordEncoder encoder = encoder(PasswordAlgorithm.PBKDF2_SHA512);
		assertThat(encoder.matches("secret1234", encoded)).isTrue();
		assertThat(encoder.upgradeEncoding(encoded)).isTrue();
	}

	@Test
	void upgradeEncodingWhenArgon2ParametersWeakerThanConfiguredThenTrue() {
		String encoded = new Argon2PasswordEncoder(16, 32, 1, 1 << 12, 1).encode("secret1234");
		PowPasswordEncoder encoder = encoder(PasswordAlgorithm.ARGON2);
		assertThat(encoder.matches("secret1234", encoded)).isTrue();
		assertThat(encoder.upgradeEncoding(encoded)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(PasswordAlgorithm.class)
	void matchesWhenRawPasswordIsNullThenFalse(PasswordAlgorithm algorithm) {
		PowPasswordEncoder encoder = encoder(algorithm);
		assertThat(encoder.matches(null, encoder.encode("secret1234"))).isFalse();
	}

	@ParameterizedTest
	@MethodSource("malformedHashesForEveryAlgorithm")
	void matchesWhenHashIsMalformedThenFalse(PasswordAlgorithm algorithm, String encoded) {
		PowPasswordEncoder encoder = encoder(algorithm);
		assertThat(encoder.matches("secret1234", encoded)).isFalse();
		assertThatNoException().isThrownBy(() -> encoder.upgradeEncoding(encoded));
	}

	static Stream<Arguments> malformedHashesForEveryAlgorithm() {
		String bcrypt = new BCryptPasswordEncoder(STRENGTH).encode("secret1234");
		String argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("secret1234");
		String pbkdf2 = PYTHON_PBKDF2_HASH;
		Stream<String> hashes = Stream.of(null, "", " ", "plaintext", "secret1234", "$", "$$$$",
				// Formats that are not supported at all
				"{bcrypt}" + bcrypt, "$2x$" + bcrypt.substring(4), "$1$saltsalt$hash",
				"$pbkdf2-sha256$10$c2FsdA==$aGFzaA==",
				// BCrypt prefix, broken body
				"$2a$", "$2b$04$", "$2a$04$short", "$2y$99$" + bcrypt.substring(7), "$2a$03$" + bcrypt.substring(7),
				"$2a$xx$" + bcrypt.substring(7), bcrypt.substring(0, bcrypt.length() - 10), bcrypt + "extra",
				// Argon2 prefix, broken body
				"$argon2", "$argon2id$", "$argon2id$v=19$m=abc,t=2,p=1$c2FsdA$aGFzaA",
				"$argon2x$v=19$m=16,t=2,p=1$c2FsdA$aGFzaA",
				"$argon2id$v=19$m=16384,t=2,p=1$!!!$###", argon2.substring(0, argon2.lastIndexOf('$')),
				// PBKDF2 prefix, broken body
				"$pbkdf2-sha512$", "$pbkdf2-sha512$0$c2FsdA==$aGFzaA==", pbkdf2.substring(0, pbkdf2.length() - 8),
				pbkdf2 + "$extra");
		return hashes.flatMap((hash) -> Arrays.stream(PasswordAlgorithm.values())
			.map((algorithm) -> Arguments.of(algorithm, hash)));
	}

	@Test
	void constructorWhenArgon2WithoutBouncyCastleThenIllegalStateException() throws Exception {
		Constructor<?> constructor = constructorWithoutBouncyCastle();
		assertThatThrownBy(() -> constructor.newInstance(algorithmWithoutBouncyCastle(constructor, "ARGON2"),
				ITERATIONS, STRENGTH))
			.cause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("org.bouncycastle:bcprov-jdk18on");
	}

	@Test
	void matchesWhenArgon2HashWithoutBouncyCastleThenFalse() throws Exception {
		Constructor<?> constructor = constructorWithoutBouncyCastle();
		PasswordEncoder encoder = (PasswordEncoder) constructor
			.newInstance(algorithmWithoutBouncyCastle(constructor, "PBKDF2_SHA512"), ITERATIONS, STRENGTH);
		String argon2 = encoder(PasswordAlgorithm.ARGON2).encode("secret1234");
		assertThat(encoder.matches("secret1234", argon2)).isFalse();
		assertThat(encoder.matches("secret1234", encoder.encode("secret1234"))).isTrue();
	}

	@Test
	void constructorWhenBcryptStrengthOutOfRangeThenIllegalArgumentException() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PowPasswordEncoder(PasswordAlgorithm.BCRYPT, ITERATIONS, 32));
	}

	@Test
	void constructorWhenIterationsLessThanOneThenIllegalArgumentException() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PowPasswordEncoder(PasswordAlgorithm.PBKDF2_SHA512, 0, STRENGTH));
	}

	@Test
	void constructorWhenAlgorithmIsNullThenIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PowPasswordEncoder(null, ITERATIONS, STRENGTH));
	}

	private static PowPasswordEncoder encoder(PasswordAlgorithm algorithm) {
		return new PowPasswordEncoder(algorithm, ITERATIONS, STRENGTH);
	}

	// Loads this package afresh in a class loader that cannot see BouncyCastle, as in
	// an application without the optional dependency.
	private static Constructor<?> constructorWithoutBouncyCastle() throws Exception {
		ClassLoader loader = new OverridingClassLoader(PowPasswordEncoderTests.class.getClassLoader()) {

			@Override
			protected boolean isEligibleForOverriding(String className) {
				return className.startsWith("dev.powspring.password.");
			}

			@Override
			protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
				if (name.startsWith("org.bouncycastle.")) {
					throw new ClassNotFoundException(name);
				}
				return super.loadClass(name, resolve);
			}

		};
		Class<?> algorithm = loader.loadClass(PasswordAlgorithm.class.getName());
		return loader.loadClass(PowPasswordEncoder.class.getName()).getConstructor(algorithm, int.class, int.class);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object algorithmWithoutBouncyCastle(Constructor<?> constructor, String name) {
		return Enum.valueOf((Class<? extends Enum>) constructor.getParameterTypes()[0], name);
	}

}
