package dev.powspring.twofactor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.powspring.user.PowUser;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.callback.PowCallbackContext;
import dev.powspring.web.controller.PowControllerSupport;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireNotAuthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of a sign-in: the code page of a pending half-session, and the
 * enrolment a role requires. Every page is for users who are not signed in; without a
 * pending half-session they lead back to the sign-in page.
 */
@Controller
@PowController
@RequestMapping("/two-factor")
@CsrfProtected
@RequireNotAuthenticated
public class TwoFactorController extends PowControllerSupport {

	/** The code page's path, under the routes prefix. */
	public static final String NEW_PATH = "/two-factor/new";

	/** The code page's template. */
	public static final String NEW_VIEW = "pow/two_factor/new";

	/** The enrolment page's template. */
	public static final String ENROL_VIEW = "pow/two_factor/enrol";

	/** The template that shows new recovery codes. */
	public static final String RECOVERY_CODES_VIEW = "pow/two_factor/recovery_codes";

	/** Complete a sign-in with a code, as the callbacks see it. */
	public static final PowAction CREATE = new PowAction("two_factor_create");

	/** The form field asking to remember the device. */
	public static final String REMEMBER_DEVICE_PARAMETER = "remember_device";

	private final TwoFactorPendingCookie pendingCookie;

	private final TwoFactorChallenges challenges;

	private final TwoFactors twoFactors;

	private final TwoFactorRememberedDevices devices;

	private final TwoFactorQrCodes qrCodes;

	private final TwoFactorMessages messages;

	/**
	 * Create an instance.
	 * @param collaborators what every Pow controller works with
	 * @param pendingCookie the browser's half-session
	 * @param challenges checks the codes
	 * @param twoFactors the users' two-factor state
	 * @param devices the remembered devices
	 * @param qrCodes draws the enrolment's QR code
	 * @param messages the flash messages
	 */
	public TwoFactorController(Collaborators collaborators, TwoFactorPendingCookie pendingCookie,
			TwoFactorChallenges challenges, TwoFactors twoFactors, TwoFactorRememberedDevices devices,
			TwoFactorQrCodes qrCodes, TwoFactorMessages messages) {
		super(collaborators);
		this.pendingCookie = pendingCookie;
		this.challenges = challenges;
		this.twoFactors = twoFactors;
		this.devices = devices;
		this.qrCodes = qrCodes;
		this.messages = messages;
	}

	/**
	 * Show the code page, or the enrolment page when a role requires two-factor sign-in.
	 */
	@GetMapping("/new")
	public String newChallenge(HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes, Model model) {
		Optional<TwoFactorPendingSignIns.Found> found = this.pendingCookie.find(request);
		if (found.isEmpty()) {
			return expired(request, response, redirectAttributes);
		}
		return challengePage(found.get(), model);
	}

	/**
	 * Check the code (or the enrolment's first code) and complete the sign-in.
	 */
	@PostMapping
	public String create(@RequestParam(name = "code", required = false) String code,
			@RequestParam(name = REMEMBER_DEVICE_PARAMETER, required = false) String rememberDevice,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirectAttributes,
			Model model) {
		Optional<TwoFactorPendingSignIns.Found> found = this.pendingCookie.find(request);
		if (found.isEmpty()) {
			return expired(request, response, redirectAttributes);
		}
		TwoFactorPendingSignIns.Pending pending = found.get().pending();
		AtomicReference<TwoFactorChallenges.Outcome> checked = new AtomicReference<>();
		return perform(context(CREATE, request, response, redirectAttributes, null, null), (context) -> {
			checked.set(this.challenges.check(request, response, found.get(), code));
			if (checked.get().status() != TwoFactorChallenges.Status.PASSED) {
				return context.withOutcome(null, null);
			}
			return signIn(context, checked.get().user(), null, pending.completedMethod());
		}, (outcome) -> {
			TwoFactorChallenges.Outcome result = checked.get();
			switch (result.status()) {
				case THROTTLED -> {
					model.addAttribute(PowFlash.ERROR, tooManyAttempts(request, response, result.retryAfter()));
					return challengePage(found.get(), model);
				}
				case WRONG -> {
					model.addAttribute(PowFlash.ERROR, this.messages.invalidCode(request));
					return challengePage(found.get(), model);
				}
				case ENDED -> {
					return expired(request, response, redirectAttributes);
				}
				default -> {
					return signedIn(outcome, result, "true".equals(rememberDevice), model);
				}
			}
		});
	}

	private String signedIn(PowCallbackContext outcome, TwoFactorChallenges.Outcome result, boolean rememberDevice,
			Model model) {
		HttpServletRequest request = outcome.request();
		HttpServletResponse response = outcome.response();
		this.pendingCookie.delete(request, response);
		PowUser user = outcome.user();
		if (rememberDevice) {
			this.twoFactors.enabledAt(user.getId())
				.ifPresent((enabledAt) -> this.devices.remember(request, response, user.getId(), enabledAt));
		}
		if (result.recoveryCodes() != null) {
			// A forced enrolment: the codes are shown once, now.
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("recoveryCodes", result.recoveryCodes());
			model.addAttribute("continuePath", routes().afterSignInPath(request));
			model.addAttribute(PowFlash.INFO, this.messages.enabled(request));
			return RECOVERY_CODES_VIEW;
		}
		String notice = (result.verification() == TwoFactors.Verification.RECOVERY_CODE)
				? this.messages.recoveryCodeUsed(request) : messages().signedIn(request);
		PowFlash.info(outcome.redirectAttributes(), notice);
		return redirectTo(routes().afterSignInPath(request));
	}

	private String challengePage(TwoFactorPendingSignIns.Found found, Model model) {
		TwoFactorPendingSignIns.Pending pending = found.pending();
		model.addAttribute("persistentSession", pending.persistent());
		model.addAttribute("requestPath", pending.requestPath());
		if (pending.enrolment()) {
			Optional<PowUser> user = users().getById(pending.userId());
			Optional<byte[]> secret = user.flatMap((u) -> this.twoFactors.enrolmentSecret(u.getId())
				.or(() -> this.twoFactors.beginEnrolment(u.getId())));
			if (user.isPresent() && secret.isPresent()) {
				Map<String, Object> enrolment = this.qrCodes.enrolment(user.get().getUserId(), secret.get());
				model.addAllAttributes(enrolment);
				model.addAttribute("formPath", routes().path("/two-factor"));
				model.addAttribute("forced", true);
				return ENROL_VIEW;
			}
		}
		model.addAttribute("rememberDevice", this.devices.ttl().map((ttl) -> ttl.toDays()).orElse(null));
		return NEW_VIEW;
	}

	private String expired(HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes) {
		this.pendingCookie.delete(request, response);
		PowFlash.error(redirectAttributes, this.messages.signInExpired(request));
		return redirectTo(routes().signInPath());
	}

}
