package dev.powspring.autoconfigure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DelegatingMessageSource;

import dev.powspring.messages.PowMessageBundle;
import dev.powspring.messages.PowMessageSourcePostProcessor;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for Pow: users, password hashing, migrations and messages.
 */
@AutoConfiguration(after = MessageSourceAutoConfiguration.class,
		afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration" },
		beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@EnableConfigurationProperties(PowProperties.class)
@Import({ PowAutoConfiguration.UserEntity.class, PowPasswordConfiguration.class, PowMigrationConfiguration.class,
		PowUsersConfiguration.class, PowStoreConfiguration.class, PowSessionConfiguration.class,
		PowThrottleConfiguration.class,
		PowMailConfiguration.class,
		PowWebConfiguration.class })
public class PowAutoConfiguration {

	/** Basename of the core's message bundle. */
	public static final String MESSAGES_BASENAME = "dev/powspring/messages";

	@Bean
	static PowMessageBundle powCoreMessageBundle() {
		return new PowMessageBundle(MESSAGES_BASENAME);
	}

	@Bean
	static PowMessageSourcePostProcessor powMessageSourcePostProcessor(ObjectProvider<PowMessageBundle> bundles) {
		return new PowMessageSourcePostProcessor(bundles);
	}

	/**
	 * A message source for applications without {@code messages.properties}, so Pow's
	 * messages resolve there too.
	 * @return an empty message source that Pow's bundles are chained to
	 */
	@Bean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
	@ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME,
			search = SearchStrategy.CURRENT)
	static DelegatingMessageSource messageSource() {
		return new DelegatingMessageSource();
	}

	@Bean
	static PowSettingsWarnings powSettingsWarnings(Environment environment) {
		return new PowSettingsWarnings(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	Clock powClock() {
		return Clock.systemUTC();
	}

	/**
	 * Pow's default user entity, for applications with JPA that declare none.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "jakarta.persistence.Entity",
			"org.springframework.boot.persistence.autoconfigure.EntityScanPackages" })
	@Import(PowUserEntityRegistrar.class)
	static class UserEntity {

	}

}
