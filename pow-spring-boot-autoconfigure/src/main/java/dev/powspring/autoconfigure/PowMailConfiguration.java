package dev.powspring.autoconfigure;

import dev.powspring.mail.JavaMailPowMailer;
import dev.powspring.mail.LoggingPowMailer;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.mail.PowMailer;
import dev.powspring.store.PowStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Mail: templates, the mailer (JavaMail when configured, else the log) and delivery on a
 * small pool of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SpringTemplateEngine.class)
class PowMailConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PowMailTemplates powMailTemplates(ApplicationContext applicationContext, MessageSource messageSource) {
		return new PowMailTemplates(applicationContext, messageSource);
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

	// Both mailers back off from any PowMailer, not just their own type, so an
	// application's mailer replaces them; the order lets JavaMail claim the slot first.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JavaMailSender.class)
	@ConditionalOnBean(JavaMailSender.class)
	@Order(1)
	static class JavaMailConfiguration {

		@Bean
		@ConditionalOnMissingBean(PowMailer.class)
		JavaMailPowMailer powMailer(JavaMailSender mailSender, PowProperties properties) {
			return new JavaMailPowMailer(mailSender, properties.getMail().getFrom());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Order(2)
	static class LoggingMailConfiguration {

		@Bean
		@ConditionalOnMissingBean(PowMailer.class)
		LoggingPowMailer powMailer() {
			return new LoggingPowMailer();
		}

	}

}
