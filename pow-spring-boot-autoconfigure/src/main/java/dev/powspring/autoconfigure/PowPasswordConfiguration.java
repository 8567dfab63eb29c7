package dev.powspring.autoconfigure;

import dev.powspring.password.BreachedPasswordCheck;
import dev.powspring.password.CommonPasswordCheck;
import dev.powspring.password.ContextWordsPasswordCheck;
import dev.powspring.password.PasswordAlgorithm;
import dev.powspring.password.Pbkdf2Sha512PasswordEncoder;
import dev.powspring.password.PowPasswordEncoder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The password encoder. Replace it by declaring a {@code PasswordEncoder} bean named
 * {@value #BEAN_NAME}.
 */
@Configuration(proxyBeanMethods = false)
class PowPasswordConfiguration {

	static final String BEAN_NAME = "powPasswordEncoder";

	private static final Log logger = LogFactory.getLog(PowPasswordConfiguration.class);

	// Below these, passwords are cheaper to guess than Pow's defaults allow.
	private static final int RECOMMENDED_MIN_LENGTH = 8;

	private static final int RECOMMENDED_BCRYPT_STRENGTH = 10;

	@Bean(name = BEAN_NAME)
	@ConditionalOnMissingBean(name = BEAN_NAME)
	PowPasswordEncoder powPasswordEncoder(PowProperties properties, Environment environment) {
		PowProperties.Password password = properties.getPassword();
		if (!cheapenedForTests(environment)) {
			warnIfWeakened(password);
		}
		return new PowPasswordEncoder(password.getAlgorithm(), password.getPbkdf2Iterations(),
				password.getBcryptStrength());
	}

	// Pow's test kit makes hashing cheap in tests through a property source of its own:
	// no warning then, as no real password is at stake.
	private static boolean cheapenedForTests(Environment environment) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return false;
		}
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
				continue;
			}
			if (source.containsProperty("pow.password.pbkdf2-iterations")
					|| source.containsProperty("pow.password.bcrypt-strength")) {
				return PowPasswordEncoder.TEST_DEFAULTS_PROPERTY_SOURCE.equals(source.getName());
			}
		}
		return false;
	}

	private static void warnIfWeakened(PowProperties.Password password) {
		if (password.getMinLength() < RECOMMENDED_MIN_LENGTH) {
			logger.warn("pow.password.min-length is " + password.getMinLength() + ", below the recommended "
					+ RECOMMENDED_MIN_LENGTH);
		}
		if (password.getAlgorithm() == PasswordAlgorithm.PBKDF2_SHA512
				&& password.getPbkdf2Iterations() < Pbkdf2Sha512PasswordEncoder.DEFAULT_ITERATIONS) {
			logger.warn("pow.password.pbkdf2-iterations is " + password.getPbkdf2Iterations()
					+ ", below the default " + Pbkdf2Sha512PasswordEncoder.DEFAULT_ITERATIONS
					+ ": password hashes are cheaper to crack");
		}
		if (password.getAlgorithm() == PasswordAlgorithm.BCRYPT
				&& password.getBcryptStrength() < RECOMMENDED_BCRYPT_STRENGTH) {
			logger.warn("pow.password.bcrypt-strength is " + password.getBcryptStrength() + ", below the recommended "
					+ RECOMMENDED_BCRYPT_STRENGTH + ": password hashes are cheaper to crack");
		}
	}

	@Bean
	@ConditionalOnBooleanProperty("pow.password.breach-check.enabled")
	@ConditionalOnMissingBean
	BreachedPasswordCheck powBreachedPasswordCheck(PowProperties properties) {
		PowProperties.BreachCheck check = properties.getPassword().getBreachCheck();
		return new BreachedPasswordCheck(check.getUrl(), check.getTimeout());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "pow.password.context-check", matchIfMissing = true)
	@ConditionalOnMissingBean
	ContextWordsPasswordCheck powContextWordsPasswordCheck(PowProperties properties) {
		return new ContextWordsPasswordCheck(properties.getPassword().getContextWords());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "pow.password.common-check", matchIfMissing = true)
	@ConditionalOnMissingBean
	CommonPasswordCheck powCommonPasswordCheck() {
		return new CommonPasswordCheck();
	}

}
