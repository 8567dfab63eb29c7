package dev.powspring.autoconfigure;

import java.time.Clock;

import dev.powspring.messages.PowMessageBundle;
import dev.powspring.messages.PowMessageSourcePostProcessor;
import dev.powspring.user.EmailConfirmationOperations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DelegatingMessageSource;
import org.springframework.core.env.Environment;

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
		PowUsersConfiguration.class, PowStoreConfiguration.class, PowNearCacheConfiguration.class,
		PowSessionConfiguration.class,
		PowThrottleConfiguration.class, PowEventsConfiguration.class,
		PowMailConfiguration.class,
		PowWebConfiguration.class, PowRealmsConfiguration.class, PowTenancyConfiguration.class })
public class PowAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PowAutoConfiguration.class);

	/** Basename of the core's message bundle. */
	public static final String MESSAGES_BASENAME = "dev/powspring/messages";

	@Bean
	static PowMessageBundle powCoreMessageBundle() {
		return new PowMessageBundle(MESSAGES_BASENAME);
	}

	@Bean
	static PowMessageSourcePostProcessor powMessageSourcePostProcessor(ObjectProvider<PowMessageBundle> bundles,
			Environment environment) {
		return new PowMessageSourcePostProcessor(bundles, PowRealmsConfiguration.declaresRealms(environment));
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

	/**
	 * Warns when {@code pow.admin.initial-admins} makes an admin of whoever registers first
	 * with one of its user ids: with registration on and no email confirmation, nobody has
	 * to show that the address is theirs.
	 * @param properties Pow's settings
	 * @param confirmations email confirmation, when its extension is on
	 * @return the check, run once every bean exists
	 */
	@Bean
	SmartInitializingSingleton powInitialAdminsCheck(PowProperties properties,
			ObjectProvider<EmailConfirmationOperations> confirmations) {
		return () -> {
			if (!properties.getAdmin().getInitialAdmins().isEmpty() && properties.getRegistration().isEnabled()
					&& confirmations.getIfAvailable() == null) {
				logger.warn("pow.admin.initial-admins " + properties.getAdmin().getInitialAdmins() + " get the admin "
						+ "role when they register, and without email confirmation whoever registers first with "
						+ "such a user id becomes admin. Add email confirmation, register those users before "
						+ "opening registration, or set pow.registration.enabled=false.");
			}
		};
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
