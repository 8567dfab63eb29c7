package dev.powspring.web.callback;

import dev.powspring.user.PowUser;
import dev.powspring.user.UserParams;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a callback sees of an action.
 *
 * @param action the action
 * @param request the request
 * @param response the response
 * @param redirectAttributes flash attributes for the page the action redirects to
 * @param params the submitted form, or {@code null} for actions without one; a
 * before-process hook may change it
 * @param user the user the action is about: the signed-in user before processing; after
 * processing, the user signed in, registered or updated, or {@code null} when the action
 * failed
 * @param errors the form's field errors after processing, or {@code null}
 * @param refusal why a {@link dev.powspring.session.PowSignInGuard} refused the user a
 * session after processing, or {@code null}
 */
public record PowCallbackContext(PowAction action, HttpServletRequest request, HttpServletResponse response,
		RedirectAttributes redirectAttributes, UserParams params, PowUser user, BindingResult errors,
		String refusal) {

	/**
	 * Return whether the action succeeded; meaningful after processing.
	 * @return {@code true} when it produced a user, no field error and no refusal
	 */
	public boolean succeeded() {
		return this.user != null && (this.errors == null || !this.errors.hasErrors()) && this.refusal == null;
	}

	/**
	 * Return a copy describing the outcome of processing.
	 * @param user the resulting user, or {@code null}
	 * @param errors the field errors, or {@code null}
	 * @return the new context
	 */
	public PowCallbackContext withOutcome(PowUser user, BindingResult errors) {
		return new PowCallbackContext(this.action, this.request, this.response, this.redirectAttributes, this.params,
				user, errors, null);
	}

	/**
	 * Return a copy saying that the user was refused a session.
	 * @param user the user
	 * @param refusal the guard's reason
	 * @return the new context
	 */
	public PowCallbackContext withRefusal(PowUser user, String refusal) {
		return new PowCallbackContext(this.action, this.request, this.response, this.redirectAttributes, this.params,
				user, this.errors, refusal);
	}

}
