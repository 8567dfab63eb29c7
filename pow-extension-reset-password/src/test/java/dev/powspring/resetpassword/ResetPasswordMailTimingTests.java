package dev.powspring.resetpassword;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.powspring.mail.PowMail;
import dev.powspring.mail.PowMailer;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reset request answers without waiting for the mail to go out, so its timing does
 * not tell whether the account exists.
 */
@Import(ResetPasswordMailTimingTests.StalledMailerConfiguration.class)
class ResetPasswordMailTimingTests extends ResetPasswordTestSupport {

	@Test
	void requestAnswersWhileTheMailServerIsStalled() throws Exception {
		register("jane@example.com", "old-secret-1");

		Browser.Page answer = requestReset(browser(), "jane@example.com");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(StalledMailerConfiguration.sending.await(10, TimeUnit.SECONDS)).as("mail handed over").isTrue();
		assertThat(StalledMailerConfiguration.sent.getCount()).as("mail still stalled").isEqualTo(1);
		StalledMailerConfiguration.release.countDown();
		assertThat(StalledMailerConfiguration.sent.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StalledMailerConfiguration {

		static final CountDownLatch sending = new CountDownLatch(1);

		static final CountDownLatch release = new CountDownLatch(1);

		static final CountDownLatch sent = new CountDownLatch(1);

		@Bean
		PowMailer stalledMailer() {
			return (PowMail mail) -> {
				sending.countDown();
				release.await(30, TimeUnit.SECONDS);
				sent.countDown();
			};
		}

	}

}
