package dev.powspring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import dev.powspring.password.BreachedPasswordCheck;
import dev.powspring.password.CommonPasswordCheck;
import dev.powspring.password.ContextWordsPasswordCheck;
import dev.powspring.password.PowPasswordEncoder;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.store.PowStoreHealthIndicator;
import dev.powspring.store.PowStoreUnavailableException;
import dev.powspring.store.PowStoreSweeper;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import dev.powspring.user.UserResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Pow's auto-configuration provides and how it backs off.
 */
@ExtendWith(OutputCaptureExtension.class)
class PowAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class, PowAutoConfiguration.class));

	@Test
	void passwordEncoderWhenNothingConfiguredThenPowsPbkdf2Format() {
		this.contextRunner.run((context) -> assertThat(encoder(context).encode("secret1234"))
			.startsWith("$pbkdf2-sha512$210000$"));
	}

	@Test
	void passwordEncoderWhenIterationsConfiguredThenHashesCarryThem() {
		this.contextRunner.withPropertyValues("pow.password.pbkdf2-iterations=1200")
			.run((context) -> assertThat(encoder(context).encode("secret1234")).startsWith("$pbkdf2-sha512$1200$"));
	}

	@Test
	void passwordEncoderWhenBcryptSelectedThenBcryptHashes() {
		this.contextRunner.withPropertyValues("pow.password.algorithm=bcrypt", "pow.password.bcrypt-strength=5")
			.run((context) -> assertThat(encoder(context).encode("secret1234")).startsWith("$2a$05$"));
	}

	@Test
	void passwordEncoderWhenArgon2SelectedThenArgon2Hashes() {
		this.contextRunner.withPropertyValues("pow.password.algorithm=argon2")
			.run((context) -> assertThat(encoder(context).encode("secret1234")).startsWith("$argon2id$"));
	}

	@Test
	void passwordEncoderWhenAlgorithmUnknownThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("pow.password.algorithm=md5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("md5"));
	}

	@Test
	void passwordEncoderWhenApplicationDeclaresOneThenItIsUsed() {
		this.contextRunner.withUserConfiguration(CustomEncoderConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(PowPasswordEncoder.class);
			assertThat(context.getBean(PowPasswordConfiguration.BEAN_NAME, PasswordEncoder.class).encode("a"))
				.isEqualTo("a");
		});
	}

	@Test
	void startupWhenHashingWeakenedThenWarns(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("pow.password.pbkdf2-iterations=1000", "pow.password.min-length=6")
			.run((context) -> assertThat(output).contains("pow.password.pbkdf2-iterations is 1000")
				.contains("pow.password.min-length is 6"));
	}

	@Test
	void startupWhenInitialAdminsCanRegisterWithoutConfirmingThenWarns(CapturedOutput output) {
		this.contextRunner.withPropertyValues("pow.admin.initial-admins=boss@example.com")
			.run((context) -> assertThat(output).contains("pow.admin.initial-admins [boss@example.com] get the admin "
					+ "role when they register, and without email confirmation"));
	}

	@Test
	void startupWhenInitialAdminsButRegistrationOffThenNoWarning(CapturedOutput output) {
		this.contextRunner.withPropertyValues("pow.admin.initial-admins=boss@example.com",
				"pow.registration.enabled=false")
			.run((context) -> assertThat(output).doesNotContain("pow.admin.initial-admins"));
	}

	@Test
	void startupWhenThrottlingOffOrLifetimesLongThenWarns(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("pow.throttle.enabled=false", "pow.session.absolute-ttl=72h",
					"pow.persistent-session.ttl=90d", "pow.session.ttl=2h")
			.run((context) -> assertThat(output).contains("pow.throttle.enabled is false")
				.contains("pow.session.absolute-ttl is PT72H")
				.contains("pow.persistent-session.ttl is PT2160H")
				.contains("pow.session.ttl is PT2H"));
	}

	@Test
	void passwordRulesThenCommonAndContextChecksOnAndBreachCheckOffUnlessSwitched() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ContextWordsPasswordCheck.class)
			.hasSingleBean(CommonPasswordCheck.class)
			.doesNotHaveBean(BreachedPasswordCheck.class));
		this.contextRunner
			.withPropertyValues("pow.password.context-check=false", "pow.password.common-check=false",
					"pow.password.breach-check.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ContextWordsPasswordCheck.class)
				.doesNotHaveBean(CommonPasswordCheck.class)
				.hasSingleBean(BreachedPasswordCheck.class));
	}

	@Test
	void cookieSameSiteWhenUnknownThenStartupFailsNamingTheCookieAndTheValues() {
		this.contextRunner.withPropertyValues("pow.session.cookie-same-site=sometimes")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pow_session")
				.hasMessageContaining("Lax, Strict or None"));
	}

	@Test
	void startupWhenDefaultsKeptThenNoWarning(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(output).doesNotContain("pow.password"));
	}

	@Test
	void secretKeyWhenUnsetThenRandomKeyAndWarning(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TokenSigner.class);
			assertThat(output).contains("pow.secret-key is not set");
		});
	}

	@Test
	void secretKeyWhenSetThenTokensSignedWithItVerifyAcrossContexts(CapturedOutput output) {
		String key = "pow.secret-key=0123456789abcdef0123456789abcdef";
		this.contextRunner.withPropertyValues(key).run((first) -> this.contextRunner.withPropertyValues(key)
			.run((second) -> {
				String signed = first.getBean(TokenSigner.class).sign("session", "token");
				assertThat(second.getBean(TokenSigner.class).verify("session", signed)).hasValue("token");
			}));
		assertThat(output).doesNotContain("pow.secret-key is not set");
	}

	@Test
	void secretKeyWhenTooShortThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("pow.secret-key=short")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pow.secret-key"));
	}

	@Test
	void misconfigurationThenReportedAsDescriptionAndActionNotAStackTrace() {
		// Boot's own analyzers need arguments the loader is not given here: skip them.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, (type, implementation, failure) -> {
			}))
			.hasAtLeastOneElementOfType(PowConfigurationFailureAnalyzer.class);
		this.contextRunner.withPropertyValues("pow.secret-key=short").run((context) -> {
			FailureAnalysis analysis = new PowConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("pow.secret-key is 5 characters long; a key that signs "
					+ "sessions and links needs at least 32.");
			assertThat(analysis.getAction()).startsWith("Set pow.secret-key to a random secret of at least 32");
		});
		this.contextRunner.withPropertyValues("pow.store.type=jdbc").run((context) -> {
			FailureAnalysis analysis = new PowConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("no DataSource is configured");
			assertThat(analysis.getAction()).startsWith("Set spring.datasource.*");
		});
	}

	@Test
	void storeWhenNothingDeclaredThenInMemoryStoreSweptInTheBackground() {
		this.contextRunner.run((context) -> {
			assertThat(context).getBean(PowStore.class).isInstanceOf(InMemoryPowStore.class);
			assertThat(context.getBean(PowStoreSweeper.class).isRunning()).isTrue();
		});
	}

	@Test
	void storeWhenApplicationDeclaresOneThenNoInMemoryStoreOrSweeper() {
		PowStore declared = new NothingStore();
		this.contextRunner.withPropertyValues("pow.throttle.enabled=false").withBean(PowStore.class, () -> declared).run((context) -> {
			assertThat(context).getBean(PowStore.class).isSameAs(declared);
			assertThat(context).doesNotHaveBean(PowStoreSweeper.class);
		});
	}

	@Test
	void storeWhenJdbcChosenWithoutDataSourceThenStartupFailsSayingSo() {
		this.contextRunner.withPropertyValues("pow.store.type=jdbc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pow.store.type=jdbc")
				.hasMessageContaining("DataSource"));
	}

	@Test
	void storeWhenRedisChosenWithoutSpringDataRedisThenStartupFailsNamingTheDependency() {
		this.contextRunner.withPropertyValues("pow.store.type=redis")
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("spring-boot-starter-data-redis"));
	}

	@Test
	void storeWhenRedisChosenButUnreachableThenStartupFailsSayingSo() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("pow.store.type=redis", "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1",
					"spring.data.redis.connect-timeout=1s", "spring.data.redis.timeout=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("pow.store.type=redis cannot reach Redis"));
	}

	@Test
	void storeHealthReportsUpWhenTheStoreAnswersAndDownWhenItFails() {
		this.contextRunner.run((context) -> assertThat(context.getBean(PowStoreHealthIndicator.class).health(true).getStatus())
			.isEqualTo(Status.UP));
		this.contextRunner.withPropertyValues("pow.throttle.enabled=false").withBean(PowStore.class, FailingStore::new)
			.run((context) -> assertThat(context.getBean(PowStoreHealthIndicator.class).health(true).getStatus())
				.isEqualTo(Status.DOWN));
	}

	@Test
	void usersServiceWhenApplicationDeclaresOneThenItIsUsed() {
		this.contextRunner.withUserConfiguration(CustomUsersServiceConfiguration.class)
			.run((context) -> assertThat(context).getBean(PowUsersService.class)
				.isInstanceOf(NoUsers.class));
	}

	@Test
	void withoutJpaThenPowStartsWithTheApplicationsUsersService() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("jakarta.persistence"))
			.withUserConfiguration(CustomUsersServiceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(PowUsersService.class);
			});
	}

	@Test
	void clockWhenApplicationDeclaresOneThenPowUsesIt() {
		this.contextRunner.withUserConfiguration(FixedClockConfiguration.class)
			.run((context) -> assertThat(context).getBean(Clock.class).isSameAs(FixedClockConfiguration.CLOCK));
	}

	@Test
	void messagesWhenApplicationHasNoMessageSourceThenPowMessagesResolveInEnglishAndGerman() {
		this.contextRunner.run((context) -> {
			assertThat(context.getMessage("pow.validation.taken", null, Locale.ENGLISH))
				.isEqualTo("has already been taken");
			assertThat(context.getMessage("pow.validation.taken", null, Locale.GERMAN))
				.isEqualTo("ist bereits vergeben");
			assertThat(context.getMessage("pow.validation.taken", null, Locale.JAPANESE))
				.isEqualTo("has already been taken");
		});
	}

	@Test
	void messagesWhenApplicationOverridesAKeyThenItsTextWinsAndOtherKeysFallBackToPow() {
		this.contextRunner.withUserConfiguration(OverridingMessagesConfiguration.class).run((context) -> {
			assertThat(context.getMessage("pow.validation.blank", null, Locale.ENGLISH)).isEqualTo("is required");
			assertThat(context.getMessage("pow.validation.taken", null, Locale.ENGLISH))
				.isEqualTo("has already been taken");
		});
	}

	@Test
	void messagesWhenApplicationHasMessagesPropertiesThenBothResolve() {
		this.contextRunner.withPropertyValues("spring.messages.basename=test-messages").run((context) -> {
			assertThat(context.getMessage("app.greeting", null, Locale.ENGLISH)).isEqualTo("Hello");
			assertThat(context.getMessage("pow.validation.blank", null, Locale.ENGLISH))
				.isEqualTo("must be filled in");
			assertThat(context.getMessage("pow.validation.invalid", null, Locale.ENGLISH)).isEqualTo("is invalid");
		});
	}

	private static PasswordEncoder encoder(org.springframework.context.ApplicationContext context) {
		return context.getBean(PowPasswordConfiguration.BEAN_NAME, PasswordEncoder.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomEncoderConfiguration {

		@Bean
		@SuppressWarnings("deprecation")
		PasswordEncoder powPasswordEncoder() {
			return NoOpPasswordEncoder.getInstance();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomUsersServiceConfiguration {

		@Bean
		NoUsers noUsers() {
			return new NoUsers();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FixedClockConfiguration {

		static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

		@Bean
		Clock clock() {
			return CLOCK;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OverridingMessagesConfiguration {

		@Bean
		MessageSource messageSource() {
			StaticMessageSource messageSource = new StaticMessageSource();
			messageSource.addMessage("pow.validation.blank", Locale.ENGLISH, "is required");
			return messageSource;
		}

	}

	/**
	 * An application's own store: here, one that keeps nothing.
	 */
	static class NothingStore implements PowStore {

		@Override
		public void put(String namespace, String key, Object value, Duration ttl) {
		}

		@Override
		public <T> Optional<T> get(String namespace, String key, Class<T> type) {
			return Optional.empty();
		}

		@Override
		public boolean delete(String namespace, String key) {
			return false;
		}

		@Override
		public boolean putIfAbsent(String namespace, String key, Object value, Duration ttl) {
			return true;
		}

	}

	/**
	 * A store whose backend is down.
	 */
	static class FailingStore extends NothingStore {

		@Override
		public <T> Optional<T> get(String namespace, String key, Class<T> type) {
			throw new PowStoreUnavailableException("down", null);
		}

	}

	/**
	 * An application's own users service: here, one that knows nobody.
	 */
	static class NoUsers implements PowUsersService {

		@Override
		public Optional<PowUser> authenticate(String userId, String password) {
			return Optional.empty();
		}

		@Override
		public UserResult create(UserParams params) {
			throw new UnsupportedOperationException();
		}

		@Override
		public UserResult update(PowUser user, UserParams params) {
			throw new UnsupportedOperationException();
		}

		@Override
		public UserResult createWithoutPassword(UserParams params) {
			throw new UnsupportedOperationException();
		}

		@Override
		public UserResult resetPassword(PowUser user, UserParams params) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void delete(PowUser user) {
		}

		@Override
		public Optional<PowUser> getByUserId(String userId) {
			return Optional.empty();
		}

		@Override
		public Optional<PowUser> getById(Long id) {
			return Optional.empty();
		}

	}

}
