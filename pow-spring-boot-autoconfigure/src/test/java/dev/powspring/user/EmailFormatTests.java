package dev.powspring.user;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmailFormat}.
 */
class EmailFormatTests {

	@ParameterizedTest
	@ValueSource(strings = { "test@example.com", "john.doe@example.com", "user+tag@sub.example.co.uk",
			"\"john..doe\"@example.org", "john.smith(comment)@example.com", "(comment)john.smith@example.com",
			"user%example.com@example.org", "Pelé@example.com", "δοκιμή@παράδειγμα.δοκιμή", "john.doe@1.2.com",
			"john.doe@example.x1", "admin@mailserver1", "a@b-c.example" })
	void isValidWhenAddressIsWellFormedThenTrue(String email) {
		assertThat(EmailFormat.isValid(email)).isTrue();
	}

	@ParameterizedTest
	@MethodSource("malformedAddresses")
	void isValidWhenAddressIsMalformedThenFalse(String email) {
		assertThat(EmailFormat.isValid(email)).isFalse();
	}

	static Stream<String> malformedAddresses() {
		return Stream.of("A@b@c@example.com", "john(comment)doe@example.com", "johndoe@example(comment).com",
				"john.doe@example.1", "john.doe@example.", "a@exa_mple.com", "", "   ", "plainaddress",
				"@example.com", "john@", ".john@example.com", "john.@example.com", "john..doe@example.com",
				"john@-example.com", "john@example-.com", "john@[127.0.0.1]", "john@example..com", "\"\"@example.com",
				"()@example.com", "john doe@example.com", "a".repeat(65) + "@example.com",
				"john@" + "a".repeat(64) + ".com", "john@" + longDomain(256));
	}

	@Test
	void isValidWhenNullThenFalse() {
		assertThat(EmailFormat.isValid(null)).isFalse();
	}

	@Test
	void isValidWhenLocalPartIs64CharactersThenTrue() {
		assertThat(EmailFormat.isValid("a".repeat(64) + "@example.com")).isTrue();
	}

	@Test
	void isValidWhenLocalPartIs65CharactersThenFalse() {
		assertThat(EmailFormat.isValid("a".repeat(65) + "@example.com")).isFalse();
	}

	@Test
	void isValidWhenDomainLabelIs63CharactersThenTrue() {
		assertThat(EmailFormat.isValid("john@" + "a".repeat(63) + ".com")).isTrue();
	}

	@Test
	void isValidWhenDomainLabelIs64CharactersThenFalse() {
		assertThat(EmailFormat.isValid("john@" + "a".repeat(64) + ".com")).isFalse();
	}

	@Test
	void isValidWhenDomainIs255CharactersThenTrue() {
		assertThat(EmailFormat.isValid("john@" + longDomain(255))).isTrue();
	}

	@Test
	void isValidWhenDomainIs256CharactersThenFalse() {
		assertThat(EmailFormat.isValid("john@" + longDomain(256))).isFalse();
	}

	// Builds a domain of exactly the given length out of short labels that are
	// valid on their own, so only the overall length can make it fail.
	private static String longDomain(int length) {
		String last = (length % 2 == 1) ? "a" : "aa";
		return "a.".repeat((length - last.length()) / 2) + last;
	}

}
