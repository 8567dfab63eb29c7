package dev.powspring.persistentsession;

import java.util.Set;

import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SessionRecord;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.callback.PowCallbackContext;
import dev.powspring.web.callback.PowCallbackResult;
import dev.powspring.web.callback.PowControllerCallback;

import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;

/**
 * Remember-me's part in Pow's actions: a token and cookie for a sign-in that asked to be
 * remembered, and none left after a password change. Any action that signs a user in
 * anew (the sign-in form, a second-factor code, a mailed link, a passkey) gets the cookie
 * when its request carries {@value #PARAMETER}; one that a guard refused (an unconfirmed
 * address, a second factor still to come) gets none. It runs after email confirmation's
 * callback, which halts first for an unconfirmed user. Sign-out, however it happens, is
 * {@link PersistentSessionSignOut}'s.
 */
public class PersistentSessionCallback implements PowControllerCallback, Ordered {

	/** The form field asking to be remembered. */
	public static final String PARAMETER = "persistent_session";

	/** Runs after email confirmation's callback. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

	private static final Set<String> CHECKED = Set.of("true", "on", "1");

	private final PersistentSessionTokens tokens;

	private final PersistentSessionCookies cookies;

	private final PowSessionManager sessions;

	public PersistentSessionCallback(PersistentSessionTokens tokens, PersistentSessionCookies cookies,
			PowSessionManager sessions) {
		this.tokens = tokens;
		this.cookies = cookies;
		this.sessions = sessions;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public PowCallbackResult beforeRespond(PowCallbackContext context) {
		if (!context.succeeded()) {
			return PowCallbackResult.proceed();
		}
		if (PowSessionManager.newSignInDuring(context.request()).isPresent() && rememberRequested(context)) {
			SessionRecord session = this.sessions.currentRecord(context.request()).orElseThrow();
			this.cookies.write(context.request(), context.response(),
					this.tokens.issue(context.user().getId(), session.fingerprint(), session.metadata(),
							session.startedAt()),
					this.tokens.ttl());
		}
		if (PowAction.REGISTRATION_UPDATE.equals(context.action()) && context.params() != null
				&& StringUtils.hasText(context.params().getPassword())) {
			this.tokens.revokeAll(context.user().getId());
			this.cookies.delete(context.request(), context.response());
		}
		return PowCallbackResult.proceed();
	}

	private static boolean rememberRequested(PowCallbackContext context) {
		String value = context.request().getParameter(PARAMETER);
		return value != null && CHECKED.contains(value);
	}

}
