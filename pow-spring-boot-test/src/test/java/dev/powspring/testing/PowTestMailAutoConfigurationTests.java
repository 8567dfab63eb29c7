package dev.powspring.testing;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.mail.PowMailer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mails are captured in tests unless switched off, and never in place of the development
 * mailbox or the application's own mailer.
 */
class PowTestMailAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class, ThymeleafAutoConfiguration.class,
				PowTestMailAutoConfiguration.class, PowAutoConfiguration.class));

	@Test
	void defaultsThenMailsAreCaptured() {
		this.contextRunner.run((context) -> assertThat(context.getBean(PowMailer.class))
			.isSameAs(context.getBean(CapturedMails.class)));
	}

	@Test
	void captureSwitchedOffThenTheApplicationsMailerSends() {
		this.contextRunner.withPropertyValues("pow.test.capture-mail=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CapturedMails.class).hasSingleBean(PowMailer.class));
	}

	@Test
	void applicationMailerThenItStays() {
		PowMailer own = (mail) -> {
		};
		this.contextRunner.withBean(PowMailer.class, () -> own)
			.run((context) -> assertThat(context.getBean(PowMailer.class)).isSameAs(own));
	}

}
