package dev.powspring.mail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LoggingPowMailer} writing mails to the log: who and what at INFO, the body, with
 * its links, only at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoggingPowMailerTests {

	private static final PowMail RESET = new PowMail("jane@example.com", "Reset your password",
			"Open https://notes.example/reset-password/abc to choose a new password.",
			"<a href=\"https://notes.example/reset-password/html-only\">Reset</a>");

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@AfterEach
	void restoreLevel() {
		this.loggingSystem.setLogLevel(LoggingPowMailer.class.getName(), null);
	}

	@Test
	void sendThenRecipientAndSubjectLoggedButNotTheBody(CapturedOutput output) {
		new LoggingPowMailer().send(RESET);

		assertThat(output).contains("Mail to jane@example.com")
			.contains("subject: Reset your password")
			.contains("no spring.mail.host is configured")
			.doesNotContain("reset-password/abc")
			.doesNotContain("html-only");
	}

	@Test
	void sendWhenDebugEnabledThenTextBodyLoggedButNotTheHtml(CapturedOutput output) {
		this.loggingSystem.setLogLevel(LoggingPowMailer.class.getName(), LogLevel.DEBUG);

		new LoggingPowMailer().send(RESET);

		assertThat(output).contains("Open https://notes.example/reset-password/abc to choose a new password.")
			.doesNotContain("html-only");
	}

}
