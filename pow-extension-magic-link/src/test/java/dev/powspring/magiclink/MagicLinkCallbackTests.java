package dev.powspring.magiclink;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.session.PowSignInGuard;
import dev.powspring.session.SignInAttempt;
import dev.powspring.session.SignInMethod;
import dev.powspring.test.web.Browser;
import dev.powspring.user.PowUser;
import dev.powspring.web.callback.PowCallbackContext;
import dev.powspring.web.callback.PowCallbackResult;
import dev.powspring.web.callback.PowControllerCallback;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in by magic link goes through the controller callbacks and the sign-in guards,
 * as a magic-link sign-in: a guard that wants a second factor refuses it, and the callback
 * of the extension that asked turns the refusal into its page; no session, and no
 * remember-me cookie, is handed out. A callback that halts the action leaves the link
 * unused.
 */
@Import(MagicLinkCallbackTests.SecondFactor.class)
class MagicLinkCallbackTests extends MagicLinkTestSupport {

	@Autowired
	private SecondFactor secondFactor;

	@Test
	void guardRefusalThenTheCallbacksPageAndNoSession() {
		register("mfa@example.com", "secret-1234");
		String path = requestLinkPath("mfa@example.com");
		Browser browser = browser();

		Browser.Page answer = pressSignIn(browser, path, Map.of("persistent_session", "true"));

		assertThat(answer.location()).endsWith("/second-factor");
		assertThat(this.secondFactor.attempts).extracting(SignInAttempt::method).contains(SignInMethod.MAGIC_LINK);
		assertThat(browser.get("/notes").status()).isEqualTo(302);
		assertThat(browser.cookie("persistent_session")).isEmpty();
	}

	@Test
	void callbackHaltsThenTheLinkStaysUnused() {
		register("halt@example.com", "secret-1234");
		String path = requestLinkPath("halt@example.com");
		this.secondFactor.halt = true;

		Browser.Page answer = pressSignIn(browser(), path);

		assertThat(answer.location()).endsWith("/halted");
		assertThat(this.secondFactor.actions).contains("magic_link_sign_in");
		assertThat(confirmed("halt@example.com")).isFalse();
		this.secondFactor.halt = false;
		assertThat(pressSignIn(browser(), path).location()).as("the link still works").doesNotContain("/magic-link");
	}

	/**
	 * Wants a second factor from mfa@example.com, as the two-factor extension would, and
	 * halts magic-link sign-ins when told to.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SecondFactor implements PowSignInGuard, PowControllerCallback {

		final List<SignInAttempt> attempts = new CopyOnWriteArrayList<>();

		final List<String> actions = new CopyOnWriteArrayList<>();

		volatile boolean halt;

		@Override
		public String refusal(PowUser user) {
			return null;
		}

		@Override
		public String refusal(PowUser user, SignInAttempt attempt) {
			this.attempts.add(attempt);
			return (user.getUserId().startsWith("mfa@") && !attempt.method().multiFactor()) ? "second_factor_wanted"
					: null;
		}

		@Override
		public PowCallbackResult beforeProcess(PowCallbackContext context) {
			this.actions.add(context.action().name());
			return (this.halt && MagicLinkController.SIGN_IN.equals(context.action()))
					? PowCallbackResult.halt("redirect:/halted") : PowCallbackResult.proceed();
		}

		@Override
		public PowCallbackResult beforeRespond(PowCallbackContext context) {
			return "second_factor_wanted".equals(context.refusal()) ? PowCallbackResult.halt("redirect:/second-factor")
					: PowCallbackResult.proceed();
		}

	}

}
