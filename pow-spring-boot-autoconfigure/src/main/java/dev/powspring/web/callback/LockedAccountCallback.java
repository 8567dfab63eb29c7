package dev.powspring.web.callback;

import dev.powspring.session.LockedAccountSignInGuard;
import dev.powspring.web.LocalPaths;
import dev.powspring.web.PowFlash;
import dev.powspring.web.PowMessages;
import dev.powspring.web.PowRoutes;

import org.springframework.context.MessageSource;

/**
 * Tells a locked user, after a correct password, that the account is locked: back to the
 * sign-in page with the message {@code pow.messages.account-locked}. A wrong password
 * gets the answer any failure does, so the message tells nothing to who does not know it.
 */
public class LockedAccountCallback implements PowControllerCallback {

	private final MessageSource messageSource;

	private final PowRoutes routes;

	/**
	 * Create an instance.
	 * @param messageSource the messages
	 * @param routes the sign-in page
	 */
	public LockedAccountCallback(MessageSource messageSource, PowRoutes routes) {
		this.messageSource = messageSource;
		this.routes = routes;
	}

	@Override
	public PowCallbackResult beforeRespond(PowCallbackContext context) {
		if (!LockedAccountSignInGuard.ACCOUNT_LOCKED.equals(context.refusal())) {
			return PowCallbackResult.proceed();
		}
		PowFlash.error(context.redirectAttributes(),
				PowMessages.resolve(this.messageSource, context.request(), "pow.messages.account-locked"));
		return PowCallbackResult.halt("redirect:" + LocalPaths.safeOrRoot(this.routes.signInPath()));
	}

}
