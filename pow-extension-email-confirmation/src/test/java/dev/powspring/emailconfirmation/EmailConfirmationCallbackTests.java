package dev.powspring.emailconfirmation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.test.web.Browser;
import dev.powspring.web.callback.PowCallbackContext;
import dev.powspring.web.callback.PowCallbackResult;
import dev.powspring.web.callback.PowControllerCallback;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confirming runs through the controller callbacks: a callback that halts it answers
 * instead, and the address stays unconfirmed with its link still working.
 */
@Import(EmailConfirmationCallbackTests.Halting.class)
class EmailConfirmationCallbackTests extends EmailConfirmationTestSupport {

	@Autowired
	private Halting halting;

	@Test
	void confirmWhenCallbackHaltsThenItsAnswerAndNothingConfirmed() {
		register(browser(), "jane@example.com", "secret1234");
		String link = confirmationPath(confirmationMailTo("jane@example.com"));

		Browser.Page answer = confirm(browser(), link);

		assertThat(answer.location()).endsWith("/halted");
		assertThat(this.halting.seen).contains(EmailConfirmationController.CONFIRM.name());
		assertThat(column("email_confirmed_at", "jane@example.com")).isNull();
		assertThat(browser().get(link).status()).as("the link still works").isEqualTo(200);
	}

	/**
	 * Halts confirmations before they run; as a callback bean it joins the chain.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Halting implements PowControllerCallback {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@Override
		public PowCallbackResult beforeProcess(PowCallbackContext context) {
			this.seen.add(context.action().name());
			return EmailConfirmationController.CONFIRM.equals(context.action())
					? PowCallbackResult.halt("redirect:/halted") : PowCallbackResult.proceed();
		}

	}

}
