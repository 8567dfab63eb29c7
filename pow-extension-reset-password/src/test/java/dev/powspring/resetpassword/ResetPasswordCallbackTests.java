package dev.powspring.resetpassword;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUser;
import dev.powspring.web.callback.PowCallbackContext;
import dev.powspring.web.callback.PowCallbackResult;
import dev.powspring.web.callback.PowControllerCallback;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both reset actions run through the controller callbacks: a callback that halts them
 * answers instead, and nothing is mailed, used up or changed.
 */
@Import(ResetPasswordCallbackTests.Halting.class)
class ResetPasswordCallbackTests extends ResetPasswordTestSupport {

	@Autowired
	private ResetPasswordTokens tokens;

	@Autowired
	private Halting halting;

	@Test
	void requestWhenCallbackHaltsThenItsAnswerAndNoMail() {
		register("jane@example.com", "secret1234");

		Browser.Page answer = requestReset(browser(), "jane@example.com");

		assertThat(answer.location()).endsWith("/halted");
		assertThat(this.halting.seen).contains("reset_password_create");
		Awaitility.await("the mail queue to empty").until(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.receivedBy("jane@example.com")).isEmpty();
	}

	@Test
	void updateWhenCallbackHaltsThenItsAnswerAndTheLinkAndPasswordUnchanged() {
		register("jane@example.com", "secret1234");
		String link = "/reset-password/" + this.tokens.issue(this.tokens.generate(), userId("jane@example.com"));

		Browser.Page answer = chooseNewPassword(browser(), link, "new-secret-99", "new-secret-99");

		assertThat(answer.location()).endsWith("/halted");
		assertThat(this.halting.seen).contains("reset_password_update");
		assertThat(this.users.authenticate("jane@example.com", "secret1234")).isPresent();
		assertThat(browser().get(link).status()).as("the link still works").isEqualTo(200);
	}

	private Long userId(String email) {
		return this.users.getByUserId(email).map(PowUser::getId).orElseThrow();
	}

	/**
	 * Halts every reset action before it runs; as a callback bean it joins the chain.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Halting implements PowControllerCallback {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@Override
		public PowCallbackResult beforeProcess(PowCallbackContext context) {
			this.seen.add(context.action().name());
			return context.action().name().startsWith("reset_password_") ? PowCallbackResult.halt("redirect:/halted")
					: PowCallbackResult.proceed();
		}

	}

}
