package dev.powspring.resetpassword;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.mail.PowMail;
import dev.powspring.mail.PowMailer;
import dev.powspring.test.web.Browser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mailer of the application's receives, with the rendered mail, what it was rendered
 * from: enough to render it with templates stored at a mail provider instead.
 */
@Import(ResetPasswordMailAssignsTests.RecordingMailer.class)
class ResetPasswordMailAssignsTests extends ResetPasswordTestSupport {

	@Autowired
	private RecordingMailer mailer;

	@Test
	void resetMailThenMailerReadsTemplateLocaleUserLinkAndValues() {
		register("jane@example.com", "secret1234");
		Browser browser = browser().acceptLanguage("de");

		requestReset(browser, "jane@example.com");

		PowMail mail = Awaitility.await("the reset mail").until(() -> this.mailer.sent, (sent) -> !sent.isEmpty())
			.get(0);
		PowMail.Assigns assigns = mail.assigns();
		assertThat(assigns.template()).isEqualTo("reset_password");
		assertThat(assigns.locale()).isEqualTo(Locale.GERMAN);
		assertThat(assigns.user().getUserId()).isEqualTo("jane@example.com");
		assertThat(assigns.link()).contains("/reset-password/");
		assertThat(mail.text()).contains(assigns.link());
		assertThat(assigns.values()).containsEntry("url", assigns.link()).containsKey("user");
	}

	/**
	 * Records every mail instead of sending it; as a mailer bean it replaces Pow's.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingMailer implements PowMailer {

		final List<PowMail> sent = new CopyOnWriteArrayList<>();

		@Override
		public void send(PowMail mail) {
			this.sent.add(mail);
		}

	}

}
