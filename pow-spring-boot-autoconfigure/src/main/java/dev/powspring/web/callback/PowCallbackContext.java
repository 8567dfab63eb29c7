package dev.powspring.web.callback;

import dev.powspring.user.PowUser;
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
 * @param user the user the action is about: the signed-in user before processing; after
 * processing, the user signed in, registered or updated, or {@code null} when the action
 * failed
 * @param errors the form's field errors after processing, or {@code null}
 */
public record PowCallbackContext(PowAction action, HttpServletRequest request, HttpServletResponse response,
		RedirectAttributes redirectAttributes, PowUser user, BindingResult errors) {

	/**
	 * Return whether the action succeeded; meaningful after processing.
	 * @return {@code true} when it produced a user and no field error
	 */
	public boolean succeeded() {
		return this.user != null && (this.errors == null || !this.errors.hasErrors());
	}

	/**
	 * Return a copy describing the outcome of processing.
	 * @param user the resulting user, or {@code null}
	 * @param errors the field errors, or {@code null}
	 * @return the new context
	 */
	public PowCallbackContext withOutcome(PowUser user, BindingResult errors) {
		return new PowCallbackContext(this.action, this.request, this.response, this.redirectAttributes, user, errors);
	}

}
