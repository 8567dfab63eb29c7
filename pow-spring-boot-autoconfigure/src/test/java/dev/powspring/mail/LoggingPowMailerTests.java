package dev.powspring.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LoggingPowMailer} writing mails to the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoggingPowMailerTests {

	@Test
	void sendThenLogContainsRecipientSubjectAndTextBodyWithLink(CapturedOutput output) {
		new LoggingPowMailer().send(new PowMail("jane@example.com", "Reset your password",
				"Open https://notes.example/reset-password/abc to choose a new password.",
				"<a href=\"https://notes.example/reset-password/html-only\">Reset</a>"));

		assertThat(output).contains("Mail to jane@example.com")
			.contains("Subject: Reset your password")
			.contains("Open https://notes.example/reset-password/abc to choose a new password.")
			.contains("no spring.mail.host is configured");
	}

	@Test
	void sendThenHtmlBodyNotLogged(CapturedOutput output) {
		new LoggingPowMailer().send(new PowMail("jane@example.com", "Reset your password", "Text body",
				"<a href=\"https://notes.example/reset-password/html-only\">Reset</a>"));

		assertThat(output).contains("Text body").doesNotContain("html-only");
	}

	@Test
	void sendWhenTextOnlyThenLogged(CapturedOutput output) {
		new LoggingPowMailer().send(new PowMail("john@example.com", "Confirm", "https://notes.example/c/1", null));

		assertThat(output).contains("Mail to john@example.com")
			.contains("Subject: Confirm")
			.contains("https://notes.example/c/1");
	}

}
