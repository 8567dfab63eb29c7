package dev.powspring.mail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.store.PowStore;
import dev.powspring.test.mail.SmtpTestServer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which mail beans Pow's auto-configuration provides and how they back off.
 */
class PowMailConfigurationTests {

	@RegisterExtension
	static final SmtpTestServer mailbox = new SmtpTestServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class,
				MailSenderAutoConfiguration.class, PowAutoConfiguration.class));

	@Test
	void mailerWhenNoMailHostThenLoggingMailer() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(JavaMailSender.class);
			assertThat(context).hasSingleBean(PowMailer.class);
			assertThat(context).getBean(PowMailer.class).isInstanceOf(LoggingPowMailer.class);
			assertThat(context).hasSingleBean(PowMailDelivery.class);
			assertThat(context).hasSingleBean(PowMailTemplates.class);
		});
	}

	@Test
	void mailerWhenMailHostSetThenJavaMailMailer() {
		this.contextRunner.withPropertyValues("spring.mail.host=localhost").run((context) -> {
			assertThat(context).hasSingleBean(JavaMailSender.class);
			assertThat(context).hasSingleBean(PowMailer.class);
			assertThat(context).getBean(PowMailer.class).isInstanceOf(JavaMailPowMailer.class);
		});
	}

	@Test
	void mailerWhenApplicationDeclaresOneThenItIsUsed() {
		this.contextRunner.withUserConfiguration(CustomMailerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(PowMailer.class);
			assertThat(context).getBean(PowMailer.class).isSameAs(context.getBean("customMailer"));
			assertThat(context).doesNotHaveBean(LoggingPowMailer.class);
		});
	}

	@Test
	void mailerWhenApplicationDeclaresOneAndMailHostSetThenItIsUsed() {
		this.contextRunner.withUserConfiguration(CustomMailerConfiguration.class)
			.withPropertyValues("spring.mail.host=localhost")
			.run((context) -> {
				assertThat(context).hasSingleBean(PowMailer.class);
				assertThat(context).getBean(PowMailer.class).isSameAs(context.getBean("customMailer"));
				assertThat(context).doesNotHaveBean(JavaMailPowMailer.class);
			});
	}

	@Test
	void deliveryWhenApplicationDeclaresMailerThenMailsReachIt() {
		this.contextRunner.withUserConfiguration(CustomMailerConfiguration.class).run((context) -> {
			RecordingMailer mailer = context.getBean(RecordingMailer.class);
			PowMail mail = new PowMail("jane@example.com", "Hello", "Hi", null);

			assertThat(context.getBean(PowMailDelivery.class).deliver(mail)).isTrue();

			assertThat(mailer.awaitMails(1)).containsExactly(mail);
		});
	}

	@Test
	void deliveryWhenMailHostSetThenMailArrivesFromConfiguredSender() {
		this.contextRunner
			.withPropertyValues("spring.mail.host=localhost", "spring.mail.port=" + mailbox.port(),
					"pow.mail.from=Notes <no-reply@notes.example>")
			.run((context) -> {
				PowMail mail = new PowMail("jane@example.com", "Passwort zurücksetzen", "Hallo", "<p>Hallo</p>");

				assertThat(context.getBean(PowMailDelivery.class).deliver(mail)).isTrue();

				MimeMessage received = mailbox.messageOf(mailbox.awaitMail("jane@example.com", "Passwort zurücksetzen"));
				assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("no-reply@notes.example");
			});
	}

	@Test
	void deliveryWhenRateLimitConfiguredThenApplied() {
		this.contextRunner.withUserConfiguration(CustomMailerConfiguration.class)
			.withPropertyValues("pow.mail.rate-limit=1", "pow.mail.rate-window=1h")
			.run((context) -> {
				PowMailDelivery delivery = context.getBean(PowMailDelivery.class);

				assertThat(delivery.deliver(new PowMail("jane@example.com", "First", "1", null))).isTrue();
				assertThat(delivery.deliver(new PowMail("jane@example.com", "Second", "2", null))).isFalse();
			});
	}

	@Test
	void deliveryWhenDefaultRateLimitThenTwoPerRecipient() {
		this.contextRunner.withUserConfiguration(CustomMailerConfiguration.class).run((context) -> {
			PowMailDelivery delivery = context.getBean(PowMailDelivery.class);

			assertThat(delivery.deliver(new PowMail("jane@example.com", "1", "1", null))).isTrue();
			assertThat(delivery.deliver(new PowMail("jane@example.com", "2", "2", null))).isTrue();
			assertThat(delivery.deliver(new PowMail("jane@example.com", "3", "3", null))).isFalse();
		});
	}

	@Test
	void deliveryWhenContextClosedThenMailsNoLongerQueued() {
		this.contextRunner.withUserConfiguration(CustomMailerConfiguration.class).run((context) -> {
			PowMailDelivery delivery = context.getBean(PowMailDelivery.class);
			context.close();

			assertThat(delivery.deliver(new PowMail("jane@example.com", "Late", "1", null))).isFalse();
		});
	}

	@Test
	void executorWhenPowAutoConfiguredThenNoExecutorBeanContributed() {
		this.contextRunner.withPropertyValues("spring.mail.host=localhost")
			.run((context) -> assertThat(context.getBeansOfType(Executor.class)).isEmpty());
	}

	@Test
	void executorWhenTaskExecutionAutoConfiguredThenApplicationTaskExecutorKept() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(Executor.class);
				assertThat(context.getBeansOfType(Executor.class)).containsOnlyKeys("applicationTaskExecutor");
			});
	}

	@Test
	void mailBeansWhenApplicationDeclaresDeliveryAndTemplatesThenTheyAreUsed() {
		this.contextRunner.withUserConfiguration(CustomDeliveryConfiguration.class).run((context) -> {
			assertThat(context).getBean(PowMailDelivery.class).isSameAs(context.getBean("customDelivery"));
			assertThat(context).getBean(PowMailTemplates.class).isSameAs(context.getBean("customTemplates"));
		});
	}

	@Test
	void mailBeansWhenThymeleafAbsentThenNone() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SpringTemplateEngine.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(PowMailer.class);
			assertThat(context).doesNotHaveBean(PowMailDelivery.class);
			assertThat(context).doesNotHaveBean(PowMailTemplates.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomMailerConfiguration {

		@Bean
		RecordingMailer customMailer() {
			return new RecordingMailer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomDeliveryConfiguration {

		@Bean
		PowMailDelivery customDelivery(PowStore store) {
			return new PowMailDelivery(new LoggingPowMailer(), Runnable::run, store, 0, Duration.ofMinutes(1));
		}

		@Bean
		PowMailTemplates customTemplates(ApplicationContext context, MessageSource messageSource) {
			return new PowMailTemplates(context, messageSource);
		}

	}

	static class RecordingMailer implements PowMailer {

		private final List<PowMail> sent = new CopyOnWriteArrayList<>();

		private final Semaphore arrived = new Semaphore(0);

		@Override
		public void send(PowMail mail) {
			this.sent.add(mail);
			this.arrived.release();
		}

		List<PowMail> awaitMails(int count) throws InterruptedException {
			assertThat(this.arrived.tryAcquire(count, 5, TimeUnit.SECONDS)).as("mails arrived").isTrue();
			return List.copyOf(this.sent);
		}

	}

}
