package dev.powspring.emailconfirmation;

import dev.powspring.session.PowCurrentUser;
import dev.powspring.session.PowSessionManager;
import dev.powspring.user.PowUsersService;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.csrf.CsrfProtected;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The confirmation link. Opening it shows a page whose button confirms by POST, so mail
 * scanners that fetch links confirm nothing. Confirming does not sign in.
 */
@Controller
@PowController
@RequestMapping("/confirm-email")
@CsrfProtected
public class EmailConfirmationController {

	/** The confirmation page's template. */
	public static final String SHOW_VIEW = "pow/email_confirmation/show";

	private final EmailConfirmations confirmations;

	private final PowUsersService users;

	private final PowSessionManager sessions;

	private final EmailConfirmationMessages messages;

	public EmailConfirmationController(EmailConfirmations confirmations, PowUsersService users,
			PowSessionManager sessions, EmailConfirmationMessages messages) {
		this.confirmations = confirmations;
		this.users = users;
		this.sessions = sessions;
		this.messages = messages;
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
			PowFlash.error(redirectAttributes, this.messages.invalidToken(request));
			return redirectAfter(request);
		});
	}

	/**
	 * Confirm, and refresh the sessions of the user, who may now have a new email.
	 */
	@PostMapping("/{token}")
	public String confirm(@PathVariable String token, HttpServletRequest request,
			RedirectAttributes redirectAttributes) {
		EmailConfirmations.Confirmation confirmation = this.confirmations.confirm(token);
		switch (confirmation.outcome()) {
			case CONFIRMED -> {
				this.users.getById(confirmation.userId()).ifPresent(this.sessions::refreshUser);
				PowFlash.info(redirectAttributes, this.messages.emailHasBeenConfirmed(request));
			}
			case FAILED -> PowFlash.error(redirectAttributes, this.messages.emailConfirmationFailed(request));
			case INVALID -> PowFlash.error(redirectAttributes, this.messages.invalidToken(request));
		}
		return redirectAfter(request);
	}

	private static String redirectAfter(HttpServletRequest request) {
		return PowCurrentUser.get(request).isPresent() ? "redirect:/registration/edit" : "redirect:/session/new";
	}

}
