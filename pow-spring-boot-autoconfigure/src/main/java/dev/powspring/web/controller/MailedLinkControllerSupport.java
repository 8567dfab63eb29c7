package dev.powspring.web.controller;

import java.time.Duration;
import java.util.Optional;

import dev.powspring.mail.MailedLinkRequests;
import dev.powspring.user.UserParams;
import dev.powspring.web.PowFlash;
import dev.powspring.web.callback.PowAction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the controllers that mail a link on request share, such as those of password
 * reset and magic links: the request form's action, which throttles, runs the callbacks,
 * mails the link when an account has the address, and answers the same either way unless
 * user enumeration protection is off. For extensions.
 */
public abstract class MailedLinkControllerSupport extends PowControllerSupport {

	private final MailedLinkRequests requests;

	private final LinkRequestMessages messages;

	private final boolean preventUserEnumeration;

	/**
	 * Create an instance.
	 * @param collaborators what every Pow controller works with
	 * @param requests throttles the requests and mails the links
	 * @param messages the flash messages of a request
	 * @param preventUserEnumeration whether an unknown email gets the same answer as a
	 * known one
	 */
	protected MailedLinkControllerSupport(Collaborators collaborators, MailedLinkRequests requests,
			LinkRequestMessages messages, boolean preventUserEnumeration) {
		super(collaborators);
		this.requests = requests;
		this.messages = messages;
		this.preventUserEnumeration = preventUserEnumeration;
	}

	/**
	 * Ask for a link: the form again with an error when the throttle refuses, or the
	 * email is unknown and user enumeration protection is off; else a redirect to the
	 * sign-in page with a notice that a mail may have been sent.
	 * @param action the action, as the callbacks see it
	 * @param formView the request form's template
	 * @param email the address asked for
	 * @param request the request
	 * @param response the response
	 * @param redirectAttributes the flash attributes
	 * @param model the form's model
	 * @return the view
	 */
	protected String requestLink(PowAction action, String formView, String email, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes, Model model) {
		Optional<Duration> refused = this.requests.attempt(request, email);
		if (refused.isPresent()) {
			model.addAttribute("email", email);
			model.addAttribute(PowFlash.ERROR, tooManyAttempts(request, response, refused.get()));
			return formView;
		}
		UserParams params = new UserParams();
		params.setUserId(email);
		return perform(context(action, request, response, redirectAttributes, params, null),
				(context) -> context.withOutcome(this.requests.send(request, email).orElse(null), null), (outcome) -> {
					if (outcome.user() == null && !this.preventUserEnumeration) {
						model.addAttribute("email", email);
						model.addAttribute(PowFlash.ERROR, this.messages.userNotFound(request));
						return formView;
					}
					PowFlash.info(redirectAttributes, this.messages.maybeEmailHasBeenSent(request));
					return redirectTo(routes().signInPath());
				});
	}

	/**
	 * The flash messages of a link request. An extension's messages class implements it.
	 */
	public interface LinkRequestMessages {

		/**
		 * Shown after a link was asked for, whether or not the account exists.
		 * @param request the request
		 * @return the text, or {@code null}
		 */
		String maybeEmailHasBeenSent(HttpServletRequest request);

		/**
		 * Shown for an unknown email when user enumeration protection is off.
		 * @param request the request
		 * @return the text, or {@code null}
		 */
		String userNotFound(HttpServletRequest request);

	}

}
