package dev.powspring.mail.mailbox;

import java.time.Instant;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.mail.JavaMailPowMailer;
import dev.powspring.mail.LoggingPowMailer;
import dev.powspring.mail.PowMail;
import dev.powspring.mail.PowMailer;
import dev.powspring.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development mailbox: what it keeps, how its page shows a mail, and that it is off
 * unless enabled.
 */
class DevelopmentMailboxTests {

	private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

	@Test
	void keepsTheNewestMailsFirstUpToItsCapacity() {
		DevelopmentMailbox mailbox = new DevelopmentMailbox(this.clock, 2);

		mailbox.send(mail("first"));
		mailbox.send(mail("second"));
		mailbox.send(mail("third"));

		assertThat(mailbox.mails()).extracting((captured) -> captured.mail().subject()).containsExactly("third", "second");
		assertThat(mailbox.mail(1)).isEmpty();
		mailbox.clear();
		assertThat(mailbox.mails()).isEmpty();
	}

	@Test
	void mailPageMakesLinksClickableAndCannotBeGivenMarkup() {
		DevelopmentMailbox mailbox = new DevelopmentMailbox(this.clock, 10);
		mailbox.send(new PowMail("jane@example.com", "Hi", "<script>alert(1)</script>\nhttps://notes.example/reset-password/abc",
				null));
		ExtendedModelMap model = new ExtendedModelMap();

		String view = new MailboxController(mailbox).show(1, model);

		assertThat(view).isEqualTo("pow/mailbox/show");
		assertThat((String) model.get("textHtml")).contains("&lt;script&gt;")
			.doesNotContain("<script>")
			.contains("<a href=\"https://notes.example/reset-password/abc\">https://notes.example/reset-password/abc</a>");
	}

	@Test
	void offUnlessEnabled() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class, PowAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DevelopmentMailbox.class);
				assertThat(context).getBean(PowMailer.class).isInstanceOf(LoggingPowMailer.class);
			});
	}

	@Test
	void enabledThenItTakesTheMailsEvenWhenSmtpIsConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class,
					MailSenderAutoConfiguration.class, PowAutoConfiguration.class))
			.withPropertyValues("pow.mailbox.enabled=true", "spring.mail.host=127.0.0.1")
			.run((context) -> {
				assertThat(context).getBean(PowMailer.class).isInstanceOf(DevelopmentMailbox.class);
				assertThat(context).doesNotHaveBean(JavaMailPowMailer.class);
			});
	}

	private static PowMail mail(String subject) {
		return new PowMail("jane@example.com", subject, "text", null);
	}

}
