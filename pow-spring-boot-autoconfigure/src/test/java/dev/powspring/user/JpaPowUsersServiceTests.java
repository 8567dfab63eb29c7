package dev.powspring.user;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.user.defaults.email.DefaultEmailUser;
import jakarta.persistence.EntityManagerFactory;
import dev.powspring.testapp.basic.BasicTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration, account edits and deletion through the JPA users service, on PostgreSQL.
 */
@PostgresTest
@SpringBootTest(classes = BasicTestApplication.class)
class JpaPowUsersServiceTests {

	@Autowired
	private PowUsersService users;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MessageSource messageSource;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	@Qualifier("powPasswordEncoder")
	private PasswordEncoder passwordEncoder;

	@BeforeEach
	void deleteUsers() {
		this.jdbc.sql("DELETE FROM users").update();
	}

	@Test
	void createWhenParamsValidThenUserStoredWithNormalizedUserIdAndHashedPassword() {
		UserResult result = this.users.create(new UserParams("  Jane.Doe@Example.COM ", "secret1234", "secret1234"));

		assertThat(result.succeeded()).isTrue();
		assertThat(result.user().getId()).isNotNull();
		assertThat(result.user().getUserId()).isEqualTo("jane.doe@example.com");
		assertThat(result.user().getEmail()).as("the email of a user who signs in by email").isEqualTo(
				"jane.doe@example.com");
		String storedHash = this.jdbc.sql("SELECT password_hash FROM users WHERE email = 'jane.doe@example.com'")
			.query(String.class)
			.single();
		assertThat(storedHash).startsWith("$pbkdf2-sha512$").doesNotContain("secret1234");
		assertThat(result.user().getInsertedAt()).isNotNull();
	}

	@Test
	void createWhenUserIdTakenWithOtherCaseThenTakenErrorAndNoSecondRow() {
		this.users.create(new UserParams("jane@example.com", "secret1234", "secret1234"));

		UserResult result = this.users.create(new UserParams(" JANE@example.com", "other-secret", "other-secret"));

		assertThat(result.succeeded()).isFalse();
		assertThat(fieldErrors(result, "userId")).containsExactly("has already been taken");
		assertThat(userCount()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRegistrations")
	void createWhenParamsInvalidThenFieldErrorAndNothingStored(String description, UserParams params, String field,
			String message) {
		UserResult result = this.users.create(params);

		assertThat(result.succeeded()).isFalse();
		assertThat(result.user()).isNull();
		assertThat(fieldErrors(result, field)).contains(message);
		assertThat(userCount()).isZero();
	}

	static Stream<Arguments> invalidRegistrations() {
		String longPassword = "a".repeat(4097);
		return Stream.of(
				Arguments.of("missing email", new UserParams(null, "secret1234", "secret1234"), "userId",
						"can't be blank"),
				Arguments.of("blank email", new UserParams("   ", "secret1234", "secret1234"), "userId",
						"can't be blank"),
				Arguments.of("malformed email", new UserParams("A@b@c@example.com", "secret1234", "secret1234"),
						"userId", "has invalid format"),
				Arguments.of("NUL in email", new UserParams("jane\u0000@example.com", "secret1234", "secret1234"),
						"userId", "has invalid format"),
				Arguments.of("email longer than the column",
						new UserParams(longEmail(), "secret1234", "secret1234"),
						"userId", "should be at most 255 character(s)"),
				Arguments.of("missing password", new UserParams("jane@example.com", null, null), "password",
						"can't be blank"),
				Arguments.of("short password", new UserParams("jane@example.com", "secret1", "secret1"), "password",
						"should be at least 8 character(s)"),
				Arguments.of("long password", new UserParams("jane@example.com", longPassword, longPassword),
						"password", "should be at most 4096 character(s)"),
				Arguments.of("confirmation differs", new UserParams("jane@example.com", "secret1234", "secret12345"),
						"passwordConfirmation", "does not match confirmation"),
				Arguments.of("confirmation missing", new UserParams("jane@example.com", "secret1234", null),
						"passwordConfirmation", "does not match confirmation"));
	}

	// Well-formed (64-character local part, 60-character labels) but longer than 255.
	private static String longEmail() {
		String label = "b".repeat(60);
		return "a".repeat(64) + "@" + String.join(".", label, label, label, label) + ".com";
	}

	@Test
	void createWhenPasswordHasEightCharactersCountedByCodePointThenStored() {
		// Eight characters in ten UTF-16 units: the bound counts characters.
		String password = "ab\uD83D\uDD11\uD83D\uDD11cdef";
		assertThat(password.codePointCount(0, password.length())).isEqualTo(8);

		assertThat(this.users.create(new UserParams("jane@example.com", password, password)).succeeded()).isTrue();
		assertThat(this.users.authenticate("jane@example.com", password)).isPresent();
	}

	@Test
	void createWhenInvalidThenErrorsResolveInGerman() {
		UserResult result = this.users.create(new UserParams("not-an-email", "short", "other"));

		assertThat(fieldErrors(result, "userId", Locale.GERMAN)).containsExactly("hat ein ungültiges Format");
		assertThat(fieldErrors(result, "password", Locale.GERMAN)).containsExactly("muss mindestens 8 Zeichen lang sein");
		assertThat(fieldErrors(result, "passwordConfirmation", Locale.GERMAN))
			.containsExactly("stimmt nicht mit der Bestätigung überein");
	}

	@Test
	void updateWhenCurrentPasswordMissingThenErrorAndUserUnchanged() {
		PowUser user = register("jane@example.com", "secret1234");
		UserParams params = new UserParams("new@example.com", null, null);

		UserResult result = this.users.update(user, params);

		assertThat(fieldErrors(result, "currentPassword")).containsExactly("can't be blank");
		assertThat(this.users.getByUserId("jane@example.com")).isPresent();
		assertThat(user.getUserId()).isEqualTo("jane@example.com");
	}

	@Test
	void updateWhenCurrentPasswordWrongThenInvalid() {
		PowUser user = register("jane@example.com", "secret1234");
		UserParams params = new UserParams("new@example.com", null, null);
		params.setCurrentPassword("wrong-password");

		UserResult result = this.users.update(user, params);

		assertThat(fieldErrors(result, "currentPassword")).containsExactly("is invalid");
		assertThat(this.users.getByUserId("new@example.com")).isEmpty();
	}

	@Test
	void updateWhenCurrentPasswordGivenThenEmailAndPasswordChange() {
		PowUser user = register("jane@example.com", "secret1234");
		UserParams params = new UserParams("Jane.New@Example.com", "new-secret-99", "new-secret-99");
		params.setCurrentPassword("secret1234");

		UserResult result = this.users.update(user, params);

		assertThat(result.succeeded()).isTrue();
		assertThat(result.user().getUserId()).isEqualTo("jane.new@example.com");
		assertThat(this.users.authenticate("jane.new@example.com", "new-secret-99")).isPresent();
		assertThat(this.users.authenticate("jane.new@example.com", "secret1234")).isEmpty();
		assertThat(this.users.getByUserId("jane@example.com")).isEmpty();
	}

	@Test
	void updateWhenPasswordBlankThenPasswordKept() {
		PowUser user = register("jane@example.com", "secret1234");
		UserParams params = new UserParams("jane@example.com", "", "");
		params.setCurrentPassword("secret1234");

		assertThat(this.users.update(user, params).succeeded()).isTrue();
		assertThat(this.users.authenticate("jane@example.com", "secret1234")).isPresent();
	}

	@Test
	void updateWhenNewUserIdTakenThenTakenError() {
		register("taken@example.com", "secret1234");
		PowUser user = register("jane@example.com", "secret1234");
		UserParams params = new UserParams("TAKEN@example.com", null, null);
		params.setCurrentPassword("secret1234");

		UserResult result = this.users.update(user, params);

		assertThat(fieldErrors(result, "userId")).containsExactly("has already been taken");
		assertThat(this.users.getByUserId("jane@example.com")).isPresent();
	}

	@Test
	void updateWhenNewPasswordTooShortThenErrorAndOldPasswordStillWorks() {
		PowUser user = register("jane@example.com", "secret1234");
		UserParams params = new UserParams("jane@example.com", "short", "short");
		params.setCurrentPassword("secret1234");

		UserResult result = this.users.update(user, params);

		assertThat(fieldErrors(result, "password")).containsExactly("should be at least 8 character(s)");
		assertThat(this.users.authenticate("jane@example.com", "secret1234")).isPresent();
	}

	@Test
	void deleteThenUserGone() {
		PowUser user = register("jane@example.com", "secret1234");

		this.users.delete(user);

		assertThat(this.users.getById(user.getId())).isEmpty();
		assertThat(userCount()).isZero();
	}

	@Test
	void getByUserIdNormalizesTheLookup() {
		PowUser user = register("jane@example.com", "secret1234");

		assertThat(this.users.getByUserId(" JANE@Example.com ")).get()
			.extracting(PowUser::getId)
			.isEqualTo(user.getId());
	}

	@Test
	void createSetsTimestampsFromTheClock() {
		Instant now = Instant.parse("2026-01-02T03:04:05Z");
		JpaPowUsersService service = new JpaPowUsersService(this.entityManagerFactory, this.transactionManager,
				DefaultEmailUser.class, UserIdField.EMAIL, 8, 4096, this.passwordEncoder, Clock.fixed(now, ZoneOffset.UTC));

		PowUser user = service.create(new UserParams("jane@example.com", "secret1234", "secret1234")).user();

		assertThat(user.getInsertedAt()).isEqualTo(now);
		assertThat(user.getUpdatedAt()).isEqualTo(now);
	}

	@Test
	void createWhenSameEmailRegisteredConcurrentlyThenOneUserAndOneTakenError() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				String email = "race" + round + "@example.com";
				CountDownLatch start = new CountDownLatch(1);
				Future<UserResult> lower = executor.submit(() -> {
					start.await();
					return this.users.create(new UserParams(email, "secret1234", "secret1234"));
				});
				Future<UserResult> upper = executor.submit(() -> {
					start.await();
					return this.users.create(new UserParams(email.toUpperCase(Locale.ROOT), "secret1234", "secret1234"));
				});
				start.countDown();
				List<UserResult> results = List.of(lower.get(10, TimeUnit.SECONDS), upper.get(10, TimeUnit.SECONDS));

				assertThat(results).filteredOn(UserResult::succeeded).hasSize(1);
				UserResult refused = results.stream().filter((result) -> !result.succeeded()).findFirst().orElseThrow();
				assertThat(fieldErrors(refused, "userId")).containsExactly("has already been taken");
				assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single())
					.isEqualTo(1);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private PowUser register(String userId, String password) {
		UserResult result = this.users.create(new UserParams(userId, password, password));
		assertThat(result.succeeded()).as("registration of %s: %s", userId, result.errors()).isTrue();
		return result.user();
	}

	private long userCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
	}

	private Stream<String> fieldErrorStream(UserResult result, String field, Locale locale) {
		return result.errors()
			.getFieldErrors(field)
			.stream()
			.map((FieldError error) -> this.messageSource.getMessage(error, locale));
	}

	private List<String> fieldErrors(UserResult result, String field) {
		return fieldErrors(result, field, Locale.ENGLISH);
	}

	private List<String> fieldErrors(UserResult result, String field, Locale locale) {
		return fieldErrorStream(result, field, locale).toList();
	}

}
