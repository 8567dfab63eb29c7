package dev.powspring.user;

import java.time.Clock;
import java.util.stream.Stream;

import dev.powspring.password.PasswordAlgorithm;
import dev.powspring.password.PowPasswordEncoder;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.testapp.basic.BasicTestApplication;
import dev.powspring.user.defaults.email.DefaultEmailUser;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Signing in through {@link PowUsersService#authenticate}, on PostgreSQL.
 */
@PostgresTest
@SpringBootTest(classes = BasicTestApplication.class)
class PowUsersServiceAuthenticationTests {

	private static final PowPasswordEncoder ONE_ITERATION = new PowPasswordEncoder(PasswordAlgorithm.PBKDF2_SHA512, 1,
			4);

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private JdbcClient jdbc;

	private CountingPasswordEncoder encoder;

	private JpaPowUsersService users;

	@BeforeEach
	void setUp() {
		this.jdbc.sql("DELETE FROM users").update();
		this.encoder = new CountingPasswordEncoder(ONE_ITERATION);
		this.users = service(this.encoder);
		assertThat(this.users.create(new UserParams("jane@example.com", "secret1234", "secret1234")).succeeded())
			.isTrue();
	}

	private JpaPowUsersService service(PasswordEncoder encoder) {
		return new JpaPowUsersService(this.entityManagerFactory, this.transactionManager, DefaultEmailUser.class,
				UserIdField.EMAIL, 8, 4096, encoder, Clock.systemUTC());
	}

	@Test
	void authenticateWhenCredentialsMatchThenUser() {
		assertThat(this.users.authenticate(" JANE@example.com ", "secret1234")).get()
			.extracting(PowUser::getUserId)
			.isEqualTo("jane@example.com");
	}

	@Test
	void authenticateWhenPasswordWrongThenEmpty() {
		assertThat(this.users.authenticate("jane@example.com", "secret12345")).isEmpty();
	}

	@Test
	void authenticateWhenUserUnknownThenEmptyAfterOneDummyHash() {
		int before = this.encoder.verifications();

		assertThat(this.users.authenticate("nobody@example.com", "secret1234")).isEmpty();

		assertThat(this.encoder.verifications() - before).isEqualTo(1);
	}

	@Test
	void authenticateWhenUserHasNoPasswordHashThenEmptyAfterOneDummyHash() {
		this.jdbc.sql("INSERT INTO users (email, password_hash, inserted_at, updated_at) "
				+ "VALUES ('invited@example.com', NULL, now(), now())")
			.update();
		int before = this.encoder.verifications();

		assertThat(this.users.authenticate("invited@example.com", "")).isEmpty();

		assertThat(this.encoder.verifications() - before).isEqualTo(1);
	}

	@Test
	void authenticateWhenPasswordMissingThenEmptyAfterOneHash() {
		int before = this.encoder.verifications();

		assertThat(this.users.authenticate("jane@example.com", null)).isEmpty();

		assertThat(this.encoder.verifications() - before).isEqualTo(1);
	}

	@Test
	void authenticateWhenUserIdMissingThenEmpty() {
		assertThat(this.users.authenticate(null, "secret1234")).isEmpty();
		assertThat(this.users.authenticate("  ", "secret1234")).isEmpty();
	}

	@Test
	void authenticateWhenStoredHashMalformedThenEmpty() {
		this.jdbc.sql("UPDATE users SET password_hash = '$pbkdf2-sha512$x$not base64$%%%'").update();

		assertThat(this.users.authenticate("jane@example.com", "secret1234")).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("hostileCredentials")
	void authenticateWhenInputHostileThenEmptyWithoutException(String userId, String password) {
		assertThatNoException().isThrownBy(() -> assertThat(this.users.authenticate(userId, password)).isEmpty());
	}

	static Stream<Arguments> hostileCredentials() {
		String huge = "x".repeat(100_000);
		return Stream.of(Arguments.of(null, null), Arguments.of("", ""), Arguments.of("jane\u0000@example.com", "a"),
				Arguments.of("jane@example.com", "secret\u00001234"), Arguments.of("' OR 1=1 --", "' OR 1=1 --"),
				Arguments.of(huge, huge), Arguments.of("\uD800", "\uDFFF"), Arguments.of("jane@example.com%", "_"),
				Arguments.of("jane@example.com", huge));
	}

	@Test
	void authenticateWhenHashCostChangedThenPasswordRehashedWithNewCost() {
		JpaPowUsersService stronger = service(new PowPasswordEncoder(PasswordAlgorithm.PBKDF2_SHA512, 2, 4));

		assertThat(stronger.authenticate("jane@example.com", "secret1234")).isPresent();

		assertThat(storedHash()).startsWith("$pbkdf2-sha512$2$");
		assertThat(stronger.authenticate("jane@example.com", "secret1234")).isPresent();
	}

	@Test
	void authenticateWhenHashImportedFromBcryptThenAcceptedAndRehashedToPbkdf2() {
		this.jdbc.sql("UPDATE users SET password_hash = ?")
			.param(new BCryptPasswordEncoder(4).encode("imported-secret"))
			.update();

		assertThat(this.users.authenticate("jane@example.com", "imported-secret")).isPresent();

		assertThat(storedHash()).startsWith("$pbkdf2-sha512$1$");
		assertThat(this.users.authenticate("jane@example.com", "imported-secret")).isPresent();
	}

	private String storedHash() {
		return this.jdbc.sql("SELECT password_hash FROM users WHERE email = 'jane@example.com'")
			.query(String.class)
			.single();
	}

}
