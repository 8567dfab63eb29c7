package dev.powspring.testing;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailer;
import dev.powspring.store.PowStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * In tests, Pow's mails are captured instead of sent, and delivered at once, in the
 * request that sends them: see {@link CapturedMails}. Off with
 * {@code pow.test.capture-mail=false}, and when the development mailbox is on.
 */
@AutoConfiguration(before = PowAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "pow.test.capture-mail", matchIfMissing = true)
@ConditionalOnProperty(name = "pow.mailbox.enabled", havingValue = "false", matchIfMissing = true)
public class PowTestMailAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PowMailer.class)
	CapturedMails powCapturedMails() {
		return new CapturedMails();
	}

	@Bean
	@ConditionalOnMissingBean
	PowMailDelivery powMailDelivery(PowMailer mailer, PowStore store, PowProperties properties) {
		// No background thread: a test reads the mail as soon as its request returns.
		return new PowMailDelivery(mailer, Runnable::run, store, properties.getMail().getRateLimit(),
				properties.getMail().getRateWindow());
	}

}
