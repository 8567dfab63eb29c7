package dev.powspring.passkeys;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.powspring.session.SignInMethod;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.user.PowUser;
import dev.powspring.user.UserParams;
import dev.powspring.web.LocalPaths;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.controller.PowControllerSupport;
import dev.powspring.web.controller.SessionController;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireNotAuthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signing in with a passkey, username-less: the sign-in page asks for options, the
 * browser lets the user pick one of the site's passkeys, and the page posts the signed
 * answer as a form, so that controller callbacks, sign-in guards and remember-me (a
 * {@code persistent_session} field) apply as to a password sign-in.
 */
@Controller
@PowController
@RequestMapping("/session/passkey")
@CsrfProtected
@RequireNotAuthenticated
public class PasskeySessionController extends PowControllerSupport {

	/** Sign in with a passkey, as the callbacks see it. */
	public static final PowAction SIGN_IN = new PowAction("passkey_sign_in");

	private final Passkeys passkeys;

	private final PasskeysMessages messages;

	private final RequestThrottle throttle;

	/**
	 * Create an instance.
	 * @param collaborators what every Pow controller works with
	 * @param passkeys the ceremonies
	 * @param messages the flash messages
	 * @param throttle limits sign-in attempts per client address and per passkey, or
	 * {@code null} when throttling is off
	 */
	public PasskeySessionController(Collaborators collaborators, Passkeys passkeys, PasskeysMessages messages,
			RequestThrottle throttle) {
		super(collaborators);
		this.passkeys = passkeys;
		this.messages = messages;
		this.throttle = throttle;
	}

	/**
	 * Answer the options for {@code navigator.credentials.get()}, with a new challenge.
	 */
	@PostMapping("/options")
	@ResponseBody
	public ResponseEntity<Map<String, Object>> options(HttpServletRequest request) {
		return this.passkeys.authenticationOptions(request)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).build());
	}

	/**
	 * Verify the browser's answer and sign its passkey's owner in.
	 */
	@PostMapping
	public String create(@RequestParam(name = "credential", required = false) String credential,
			@RequestParam(name = PowRoutes.REQUEST_PATH_PARAMETER, required = false) String requestPath,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirectAttributes,
			Model model) {
		if (this.throttle != null) {
			String target = (credential != null) ? this.passkeys.credentialId(credential).orElse("-") : "-";
			Optional<Duration> refused = this.throttle.attempt(request, target);
			if (refused.isPresent()) {
				this.passkeys.throttled(request);
				return signInForm(requestPath, tooManyAttempts(request, response, refused.get()), model);
			}
		}
		return perform(context(SIGN_IN, request, response, redirectAttributes, null, null), (context) -> {
			Optional<Passkeys.SignIn> signIn = (credential != null) ? this.passkeys.authenticate(request, credential)
					: Optional.empty();
			Optional<PowUser> user = signIn.flatMap((verified) -> users().getById(verified.userId()));
			if (user.isEmpty()) {
				return context.withOutcome(null, null);
			}
			// Without user verification the passkey proved possession only: one factor.
			SignInMethod method = signIn.get().userVerified() ? SignInMethod.PASSKEY
					: new SignInMethod(SignInMethod.PASSKEY.name(), false);
			return signIn(context, user.get(), null, method);
		}, (outcome) -> {
			if (outcome.succeeded()) {
				PowFlash.info(redirectAttributes, messages().signedIn(request));
				return redirectTo(routes().afterSignInPath(request));
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return signInForm(requestPath, this.messages.signInFailed(request), model);
		});
	}

	private static String signInForm(String requestPath, String error, Model model) {
		model.addAttribute("user", new UserParams());
		model.addAttribute("requestPath", LocalPaths.isSafe(requestPath) ? requestPath : null);
		model.addAttribute(PowFlash.ERROR, error);
		return SessionController.NEW_VIEW;
	}

}
