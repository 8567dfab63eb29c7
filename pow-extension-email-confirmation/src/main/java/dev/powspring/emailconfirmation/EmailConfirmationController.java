package dev.powspring.emailconfirmation;

import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.session.PowCurrentUser;
import dev.powspring.user.PowUser;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.controller.PowControllerSupport;
import dev.powspring.web.csrf.CsrfProtected;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The confirmation link. Opening it shows a page whose button confirms by POST, so mail
 * scanners that fetch links confirm nothing. Confirming does not sign in. It is published
 * as {@link PowAuthEventType#EMAIL_CONFIRMED}, or as {@link PowAuthEventType#EMAIL_CHANGED}
 * with detail {@code confirmed=true} when it confirmed a pending new address.
 */
@Controller
@PowController
@RequestMapping("/confirm-email")
@CsrfProtected
public class EmailConfirmationController extends PowControllerSupport {

	/** The confirmation page's template. */
	public static final String SHOW_VIEW = "pow/email_confirmation/show";

	/** Confirm an address, as the callbacks see it. */
	public static final PowAction CONFIRM = new PowAction("email_confirmation_confirm");

	private final EmailConfirmations confirmations;

	private final EmailConfirmationMessages confirmationMessages;

	private final PowAuthEvents authEvents;

	/**
	 * Create an instance.
	 * @param collaborators what every Pow controller works with
	 * @param confirmations the confirmation state
	 * @param confirmationMessages the flash messages
	 * @param authEvents publishes what confirming did
	 */
	public EmailConfirmationController(Collaborators collaborators, EmailConfirmations confirmations,
			EmailConfirmationMessages confirmationMessages, PowAuthEvents authEvents) {
		super(collaborators);
		this.confirmations = confirmations;
		this.confirmationMessages = confirmationMessages;
		this.authEvents = authEvents;
	}

	/**
	 * Show what the link confirms, with a button to confirm it.
	 */
	@GetMapping("/{token}")
	public String show(@PathVariable String token, HttpServletRequest request,
			RedirectAttributes redirectAttributes, Model model) {
		return this.confirmations.find(token).map((pending) -> {
			model.addAttribute("token", token);
			model.addAttribute("email", pending.email());
			return SHOW_VIEW;
		}).orElseGet(() -> {
			PowFlash.error(redirectAttributes, this.confirmationMessages.invalidToken(request));
			return redirectAfter(request);
		});
	}

	/**
	 * Confirm, and refresh the sessions of the user, who may now have a new email.
	 */
	@PostMapping("/{token}")
	public String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes) {
		return perform(context(CONFIRM, request, response, redirectAttributes, null, null), (context) -> {
			EmailConfirmations.Confirmation confirmation = this.confirmations.confirm(token);
			switch (confirmation.outcome()) {
				case CONFIRMED -> {
					published(confirmation, request);
					PowUser user = users().getById(confirmation.userId()).orElse(null);
					if (user != null) {
						sessions().refreshUser(user);
					}
					PowFlash.info(redirectAttributes, this.confirmationMessages.emailHasBeenConfirmed(request));
					return context.withOutcome(user, null);
				}
				case FAILED -> PowFlash.error(redirectAttributes,
						this.confirmationMessages.emailConfirmationFailed(request));
				case INVALID -> PowFlash.error(redirectAttributes, this.confirmationMessages.invalidToken(request));
			}
			return context.withOutcome(null, null);
		}, (outcome) -> redirectAfter(request));
	}

	private void published(EmailConfirmations.Confirmation confirmation, HttpServletRequest request) {
		if (confirmation.changed()) {
			// One event: the change is what happened, and it needed the confirmation.
			this.authEvents.of(PowAuthEventType.EMAIL_CHANGED, confirmation.userId())
				.detail("confirmed", true)
				.publish(request);
		}
		else {
			this.authEvents.of(PowAuthEventType.EMAIL_CONFIRMED, confirmation.userId()).publish(request);
		}
	}

	private String redirectAfter(HttpServletRequest request) {
		return redirectTo(PowCurrentUser.get(request).isPresent() ? routes().accountPath() : routes().signInPath());
	}

}
