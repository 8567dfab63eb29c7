package dev.powspring.web;

import java.time.OffsetDateTime;

import dev.powspring.password.Pbkdf2Sha512PasswordEncoder;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts moved over from Elixir Pow keep working: their hashes, made at Pow's 100,000
 * PBKDF2 iterations, verify, and signing in re-hashes them at the default cost (the test
 * application otherwise hashes with one iteration, for speed).
 */
@TestPropertySource(properties = "pow.password.pbkdf2-iterations=210000")
class PowHashUpgradeTests extends WebFlowTestSupport {

	// Made outside the JVM, as Elixir Pow stores 'secret1234':
	// python3 -c "import hashlib,base64; salt=b'powspringsalt16!'; print('\$pbkdf2-sha512\$100000\$'+base64.b64encode(salt).decode()+'\$'+base64.b64encode(hashlib.pbkdf2_hmac('sha512', 'secret1234'.encode(), salt, 100000, 64)).decode())"
	private static final String ELIXIR_POW_HASH = "$pbkdf2-sha512$100000$cG93c3ByaW5nc2FsdDE2IQ==$"
			+ "TIKqv2v8y5ZQtCQso5UO6FyQh3YvoYY/6KVb1b3fZEXrFfCEw0uzxyuIaIAXrtTQo8pMKwlkNOeMVj3XI7OzFQ==";

	@Test
	void signInWithAnElixirPowHashThenSignedInAndRehashedAtTheCurrentCost() {
		this.jdbc.sql("INSERT INTO users (email, password_hash, inserted_at, updated_at) VALUES (?, ?, ?, ?)")
			.params("jane@example.com", ELIXIR_POW_HASH, OffsetDateTime.now(this.clock), OffsetDateTime.now(this.clock))
			.update();
		Browser browser = browser();

		assertThat(signIn(browser, "jane@example.com", "secret1234").status()).isEqualTo(302);

		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
		assertThat(passwordHash()).startsWith("$pbkdf2-sha512$" + Pbkdf2Sha512PasswordEncoder.DEFAULT_ITERATIONS + "$");
		assertThat(signIn(browser(), "jane@example.com", "secret1234").status()).isEqualTo(302);
	}

	private String passwordHash() {
		return this.jdbc.sql("SELECT password_hash FROM users WHERE email = 'jane@example.com'")
			.query(String.class)
			.single();
	}

}
