package dev.powspring.twofactor;

import java.util.Set;

import dev.powspring.session.SignInMethod;
import dev.powspring.web.LocalPaths;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.callback.PowCallbackContext;
import dev.powspring.web.callback.PowCallbackResult;
import dev.powspring.web.callback.PowControllerCallback;

import org.springframework.core.Ordered;

/**
 * Two-factor sign-in's part in Pow's actions: whichever action's sign-in the
 * {@link TwoFactorSignInGuard} refused (signing in, registering, accepting an invitation,
 * a magic link), the user gets a pending half-session instead of a session, and is sent
 * to the code page, or to set two-factor sign-in up when a role requires it. It runs
 * after email confirmation's callback and before remember-me's.
 */
public class TwoFactorCallback implements PowControllerCallback, Ordered {

	/** Runs after email confirmation's callback, before remember-me's. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 150;

	/** The form field asking to stay signed in, as remember-me names it. */
	public static final String PERSISTENT_SESSION_PARAMETER = "persistent_session";

	private static final Set<String> CHECKED = Set.of("true", "on", "1");

	private final TwoFactorPendingSignIns pending;

	private final TwoFactorPendingCookie cookie;

	private final PowRoutes routes;

	/**
	 * Create an instance.
	 * @param pending the half-sessions
	 * @param cookie the browser's half-session cookie
	 * @param routes the code page's path
	 */
	public TwoFactorCallback(TwoFactorPendingSignIns pending, TwoFactorPendingCookie cookie, PowRoutes routes) {
		this.pending = pending;
		this.cookie = cookie;
		this.routes = routes;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public PowCallbackResult beforeRespond(PowCallbackContext context) {
		String refusal = context.refusal();
		boolean codeNeeded = TwoFactorSignInGuard.TWO_FACTOR_REQUIRED.equals(refusal);
		boolean enrolment = TwoFactorSignInGuard.ENROLMENT_REQUIRED.equals(refusal);
		if ((!codeNeeded && !enrolment) || context.user() == null) {
			return PowCallbackResult.proceed();
		}
		SignInMethod method = TwoFactorSignInGuard.refusedMethod(context.request()).orElse(SignInMethod.PASSWORD);
		String persistent = context.request().getParameter(PERSISTENT_SESSION_PARAMETER);
		String requestPath = context.request().getParameter(PowRoutes.REQUEST_PATH_PARAMETER);
		String token = this.pending.start(context.user().getId(), method,
				persistent != null && CHECKED.contains(persistent), enrolment,
				LocalPaths.isSafe(requestPath) ? requestPath : null);
		this.cookie.write(context.request(), context.response(), token);
		return PowCallbackResult.halt("redirect:" + LocalPaths.safeOrRoot(this.routes.path(TwoFactorController.NEW_PATH)));
	}

}
