package dev.powspring.emailconfirmation;

import dev.powspring.user.EmailFormat;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserIds;
import dev.powspring.user.UserParams;
import dev.powspring.user.ValidationCodes;
import dev.powspring.web.PowFlash;
import dev.powspring.web.LocalPaths;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.callback.PowCallbackContext;
import dev.powspring.web.callback.PowCallbackResult;
import dev.powspring.web.callback.PowControllerCallback;

import org.springframework.core.Ordered;

/**
 * Email confirmation's part in Pow's actions. It runs before other extensions' callbacks,
 * so that nothing (no remember-me cookie, say) is handed to an unconfirmed user.
 * <ul>
 * <li>Registering, signing in unconfirmed, or any other action whose sign-in the guard
 * refused: tell the user to confirm (the {@link EmailConfirmationReminder} mails the
 * link).</li>
 * <li>Registering with an email that has an account: answer exactly as a registration,
 * change and send nothing (when user enumeration protection is on).</li>
 * <li>Changing the email: keep the confirmed one, mail a link to the new one.</li>
 * </ul>
 */
public class EmailConfirmationCallback implements PowControllerCallback, Ordered {

	/** Runs early: confirmation decides before other extensions act. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	// The form field of the email of users who sign in by user name.
	private static final String EMAIL_FIELD = "email";

	private static final String PENDING_EMAIL = EmailConfirmationCallback.class.getName() + ".pendingEmail";

	private final EmailConfirmations confirmations;

	private final EmailConfirmationMails mails;

	private final EmailConfirmationMessages messages;

	private final PowRoutes routes;

	private final boolean preventUserEnumeration;

	private final PowUsersService users;

	private final boolean emailIsUserId;

	/**
	 * Create an instance.
	 * @param confirmations the confirmation state
	 * @param mails sends confirmation links
	 * @param messages the flash messages
	 * @param routes the redirect targets
	 * @param preventUserEnumeration whether a taken email looks like a registration
	 * @param users tells each user's email address
	 * @param emailIsUserId whether users sign in by email; if not, the address is the
	 * form field {@code fields[email]} of a {@link dev.powspring.user.PowUsernameUser}
	 */
	public EmailConfirmationCallback(EmailConfirmations confirmations, EmailConfirmationMails mails,
			EmailConfirmationMessages messages, PowRoutes routes, boolean preventUserEnumeration,
			PowUsersService users, boolean emailIsUserId) {
		this.users = users;
		this.emailIsUserId = emailIsUserId;
		this.confirmations = confirmations;
		this.mails = mails;
		this.messages = messages;
		this.routes = routes;
		this.preventUserEnumeration = preventUserEnumeration;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public PowCallbackResult beforeProcess(PowCallbackContext context) {
		if (PowAction.REGISTRATION_UPDATE.equals(context.action())) {
			holdBackEmailChange(context);
		}
		return PowCallbackResult.proceed();
	}

	@Override
	public PowCallbackResult beforeRespond(PowCallbackContext context) {
		if (EmailConfirmationSignInGuard.EMAIL_UNCONFIRMED.equals(context.refusal())) {
			// Whichever action signed the user in: sign-in, registration, an invitation. The
			// EmailConfirmationReminder mailed a new link when the guard refused.
			return askToConfirm(context);
		}
		if (PowAction.REGISTRATION_CREATE.equals(context.action()) && this.preventUserEnumeration
				&& this.emailIsUserId && context.user() == null && ValidationCodes.onlyUserIdTaken(context.errors())) {
			// Answer alike. The users service found the id taken only after hashing the
			// password, so this answer took as long as a real registration's.
			return askToConfirm(context);
		}
		if (PowAction.REGISTRATION_UPDATE.equals(context.action())) {
			return emailChange(context);
		}
		return PowCallbackResult.proceed();
	}

	/**
	 * Keep the core from changing the email: the form's new address is set aside, and the
	 * update goes on with the current one.
	 */
	private void holdBackEmailChange(PowCallbackContext context) {
		UserParams params = context.params();
		String submitted = UserIds.normalize(submittedEmail(params));
		String current = this.users.emailOf(context.user()).orElse(null);
		if (submitted == null || submitted.isEmpty() || submitted.equals(current) || !EmailFormat.isValid(submitted)) {
			// Unchanged (which also cancels a pending change), removed, or invalid: the
			// core's validation answers as usual.
			return;
		}
		context.request().setAttribute(PENDING_EMAIL, submitted);
		setSubmittedEmail(params, current);
	}

	private String submittedEmail(UserParams params) {
		return this.emailIsUserId ? params.getUserId() : params.getFields().get(EMAIL_FIELD);
	}

	private void setSubmittedEmail(UserParams params, String email) {
		if (this.emailIsUserId) {
			params.setUserId(email);
		}
		else {
			params.getFields().put(EMAIL_FIELD, email);
		}
	}

	private PowCallbackResult emailChange(PowCallbackContext context) {
		String pending = (String) context.request().getAttribute(PENDING_EMAIL);
		if (!context.succeeded()) {
			if (pending != null) {
				// Show the address the user typed, not the one put in its place.
				setSubmittedEmail(context.params(), pending);
			}
			return PowCallbackResult.proceed();
		}
		if (pending == null) {
			this.confirmations.cancelChange(context.user().getId());
			return PowCallbackResult.proceed();
		}
		String token = this.confirmations.issueForChange(context.user().getId(), pending);
		this.mails.sendConfirmationLink(context.request(), pending, token);
		PowFlash.info(context.redirectAttributes(), this.messages.emailConfirmationRequiredForUpdate(context.request()));
		return PowCallbackResult.halt("redirect:" + this.routes.afterUserUpdatedPath(context.request()));
	}

	private PowCallbackResult askToConfirm(PowCallbackContext context) {
		PowFlash.info(context.redirectAttributes(), this.messages.emailConfirmationRequired(context.request()));
		return PowCallbackResult.halt("redirect:" + LocalPaths.safeOrRoot(this.routes.signInPath()));
	}

}
