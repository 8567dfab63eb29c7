package dev.powspring.magiclink;

import java.util.Optional;

import dev.powspring.session.SignInMethod;
import dev.powspring.user.EmailConfirmationOperations;
import dev.powspring.user.PowUser;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.controller.MailedLinkControllerSupport;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireNotAuthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Requesting a magic link, and signing in through it. Opening a link only shows a page
 * with a sign-in button, so that a mail scanner fetching the link neither signs anyone in
 * nor uses the link up; the button's POST does both. Every page is for anonymous users.
 */
@Controller
@PowController
@RequestMapping("/magic-link")
@CsrfProtected
@RequireNotAuthenticated
public class MagicLinkController extends MailedLinkControllerSupport {

	/** The request form's template. */
	public static final String NEW_VIEW = "pow/magic_link/new";

	/** The template of the page a link opens. */
	public static final String SHOW_VIEW = "pow/magic_link/show";

	/** Ask for a magic link, as the callbacks see it. */
	public static final PowAction CREATE = new PowAction("magic_link_create");

	/** Sign in through a magic link, as the callbacks see it. */
	public static final PowAction SIGN_IN = new PowAction("magic_link_sign_in");

	private final MagicLinkTokens tokens;

	private final MagicLinkMessages messages;

	private final EmailConfirmationOperations confirmations;

	/**
	 * Create an instance.
	 * @param collaborators what every Pow controller works with
	 * @param requests throttles link requests and mails the links
	 * @param tokens the link tokens
	 * @param messages the flash messages
	 * @param confirmations confirms the address a link was mailed to, or {@code null}
	 * without email confirmation
	 * @param preventUserEnumeration whether an unknown email gets the same answer as a
	 * known one
	 */
	public MagicLinkController(Collaborators collaborators, MagicLinkRequests requests, MagicLinkTokens tokens,
			MagicLinkMessages messages, EmailConfirmationOperations confirmations, boolean preventUserEnumeration) {
		super(collaborators, requests, messages, preventUserEnumeration);
		this.tokens = tokens;
		this.messages = messages;
		this.confirmations = confirmations;
	}

	/**
	 * Show the form asking for the account's email.
	 */
	@GetMapping("/new")
	public String newRequest() {
		return NEW_VIEW;
	}

	/**
	 * Mail a magic link when the account exists; answer the same either way.
	 */
	@PostMapping
	public String create(@RequestParam(name = "email", required = false) String email, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes, Model model) {
		return requestLink(CREATE, NEW_VIEW, email, request, response, redirectAttributes, model);
	}

	/**
	 * Show the sign-in button of a valid link; change nothing.
	 */
	@GetMapping("/{token}")
	public String show(@PathVariable String token, HttpServletRequest request, RedirectAttributes redirectAttributes,
			Model model) {
		if (this.tokens.find(token).isEmpty()) {
			return invalidToken(request, redirectAttributes);
		}
		model.addAttribute("token", token);
		return SHOW_VIEW;
	}

	/**
	 * Use the link up, confirm the address it was mailed to, and sign the user in.
	 */
	@PostMapping("/{token}")
	public String signIn(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes) {
		if (this.tokens.find(token).isEmpty()) {
			return invalidToken(request, redirectAttributes);
		}
		return perform(context(SIGN_IN, request, response, redirectAttributes, null, null), (context) -> {
			// Used up only once the callbacks let the action run.
			// Not for an account locked since, nor once its address is another than the
			// one the link went to.
			Optional<PowUser> user = this.tokens.consume(token)
				.flatMap((link) -> users().getById(link.userId())
					.filter((found) -> link.mailedTo(users().emailOf(found).orElse(null))))
				.filter((found) -> !found.isLocked());
			if (user.isEmpty()) {
				return context.withOutcome(null, null);
			}
			// The link went to the account's address: following it proves control of it. The
			// session gets the user as now stored, confirmed.
			PowUser signingIn = (this.confirmations != null) ? this.confirmations.confirm(user.get()) : user.get();
			return signIn(context, signingIn, null, SignInMethod.MAGIC_LINK);
		}, (outcome) -> {
			if (outcome.user() == null) {
				return invalidToken(request, redirectAttributes);
			}
			PowFlash.info(redirectAttributes, messages().signedIn(request));
			return redirectTo(routes().afterSignInPath(request));
		});
	}

	private String invalidToken(HttpServletRequest request, RedirectAttributes redirectAttributes) {
		PowFlash.error(redirectAttributes, this.messages.invalidToken(request));
		return redirectTo(routes().path("/magic-link/new"));
	}

}
