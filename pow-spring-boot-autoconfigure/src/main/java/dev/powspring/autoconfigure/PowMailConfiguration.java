package dev.powspring.autoconfigure;

import java.time.Clock;

import dev.powspring.mail.JavaMailPowMailer;
import dev.powspring.mail.LoggingPowMailer;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.mail.PowMailer;
import dev.powspring.mail.mailbox.DevelopmentMailbox;
import dev.powspring.mail.mailbox.MailboxController;
import dev.powspring.realm.PowRealm;
import dev.powspring.store.PowStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Mail: templates, the mailer (JavaMail when configured, else the log) and delivery on a
 * small pool of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SpringTemplateEngine.class)
@Import({ PowMailConfiguration.Mailbox.class, PowMailConfiguration.JavaMail.class, PowMailConfiguration.Logging.class })
class PowMailConfiguration {

	static final String MAILBOX_PROPERTY = "pow.mailbox.enabled";

	@Bean
	@ConditionalOnMissingBean
	PowMailTemplates powMailTemplates(ApplicationContext applicationContext, MessageSource messageSource,
			ObjectProvider<PowRealm> realm) {
		// A realm's mails come from its template directory first, as its pages do.
		return new PowMailTemplates(applicationContext, messageSource,
				realm.stream().map(PowRealm::templates).findFirst().orElse(null));
	}

	@Bean
	@ConditionalOnMissingBean
	PowMailDelivery powMailDelivery(PowMailer mailer, PowStore store, PowProperties properties) {
		PowProperties.Mail mail = properties.getMail();
		return new PowMailDelivery(mailer, mailExecutor(), store, mail.getRateLimit(), mail.getRateWindow());
	}

	// Not a bean: an Executor bean would take the place of the application's own.
	private static ThreadPoolTaskExecutor mailExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("pow-mail-");
		executor.setCorePoolSize(2);
		executor.setMaxPoolSize(2);
		// Bounded, so a stalled mail server cannot exhaust memory; overflow is dropped.
		executor.setQueueCapacity(1000);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.initialize();
		return executor;
	}

	/**
	 * Keeps mails for the development mailbox page, when enabled.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = MAILBOX_PROPERTY, havingValue = "true")
	static class Mailbox {

		private static final Log logger = LogFactory.getLog(Mailbox.class);

		@Bean
		@ConditionalOnMissingBean(PowMailer.class)
		DevelopmentMailbox powMailer(Clock clock, PowProperties properties) {
			logger.warn("pow.mailbox.enabled is true: mails are not sent but listed at /dev/mailbox, where anyone "
					+ "can read them. Never enable it in production.");
			return new DevelopmentMailbox(clock, properties.getMailbox().getCapacity());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		MailboxController powMailboxController(DevelopmentMailbox mailbox) {
			return new MailboxController(mailbox);
		}

	}

	/**
	 * Sends through JavaMail when the application configured it (spring.mail.*).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = MAILBOX_PROPERTY, havingValue = "false", matchIfMissing = true)
	@ConditionalOnClass(JavaMailSender.class)
	@ConditionalOnBean(JavaMailSender.class)
	static class JavaMail {

		@Bean
		@ConditionalOnMissingBean(PowMailer.class)
		JavaMailPowMailer powMailer(JavaMailSender mailSender, PowProperties properties) {
			return new JavaMailPowMailer(mailSender, properties.getMail().getFrom());
		}

	}

	/**
	 * Otherwise writes mails to the log.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = MAILBOX_PROPERTY, havingValue = "false", matchIfMissing = true)
	@ConditionalOnMissingBean(type = "org.springframework.mail.javamail.JavaMailSender")
	static class Logging {

		@Bean
		@ConditionalOnMissingBean(PowMailer.class)
		LoggingPowMailer powMailer() {
			return new LoggingPowMailer();
		}

	}

}
