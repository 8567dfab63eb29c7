package dev.powspring.resetpassword;

import java.time.Duration;

import dev.powspring.mail.LoggingPowMailer;
import dev.powspring.mail.PowMailer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the logging mailer, Pow's default without a mail server, a reset request leaves
 * no usable link in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@Import(ResetPasswordLoggedMailTests.LoggingMailerConfiguration.class)
class ResetPasswordLoggedMailTests extends ResetPasswordTestSupport {

	@Test
	void requestWhenMailIsOnlyLoggedThenTheLogHoldsNoResetLink(CapturedOutput output) {
		register("jane@example.com", "old-secret-1");

		assertThat(requestReset(browser(), "jane@example.com").status()).isEqualTo(302);

		Awaitility.await("the mail logged")
			.atMost(Duration.ofSeconds(10))
			.until(() -> output.toString().contains("Mail to jane@example.com"));
		assertThat(output).contains("subject: Reset password link").doesNotContain("/reset-password/");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LoggingMailerConfiguration {

		@Bean
		PowMailer loggingMailer() {
			return new LoggingPowMailer();
		}

	}

}
