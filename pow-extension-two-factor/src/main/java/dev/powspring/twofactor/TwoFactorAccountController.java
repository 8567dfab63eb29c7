package dev.powspring.twofactor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.powspring.event.PowAuthEventType;
import dev.powspring.session.CurrentUser;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.user.PowUser;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.controller.PowControllerSupport;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireAuthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two-factor settings, from the account page: set it up (with the current password), and
 * turn it off or get new recovery codes (with the current password and a current code).
 * A wrong password or code counts as a failed sign-in of the account. Turning it on or off
 * publishes a {@code TWO_FACTOR_ENABLED} or {@code TWO_FACTOR_DISABLED} auth event.
 */
@Controller
@PowController
@RequestMapping("/registration/two-factor")
@CsrfProtected
@RequireAuthenticated
public class TwoFactorAccountController extends PowControllerSupport {

	/** The settings page's path, under the routes prefix. */
	public static final String PATH = "/registration/two-factor";

	/** The settings page's template. */
	public static final String SHOW_VIEW = "pow/two_factor/show";

	private final TwoFactors twoFactors;

	private final TwoFactorQrCodes qrCodes;

	private final TwoFactorMessages messages;

	private final ApplicationEventPublisher events;

	/**
	 * Create an instance.
	 * @param collaborators what every Pow controller works with
	 * @param twoFactors the users' two-factor state
	 * @param qrCodes draws the enrolment's QR code
	 * @param messages the flash messages
	 * @param events publishes the enabled and disabled events
	 */
	public TwoFactorAccountController(Collaborators collaborators, TwoFactors twoFactors, TwoFactorQrCodes qrCodes,
			TwoFactorMessages messages, ApplicationEventPublisher events) {
		super(collaborators);
		this.twoFactors = twoFactors;
		this.qrCodes = qrCodes;
		this.messages = messages;
		this.events = events;
	}

	/**
	 * Show whether two-factor sign-in is on, and the forms to change it.
	 */
	@GetMapping
	public String show(@CurrentUser PowUser user, Model model) {
		return showPage(user, model);
	}

	/**
	 * Start an enrolment after checking the password: show the new secret.
	 */
	@PostMapping("/setup")
	public String setup(@CurrentUser PowUser user,
			@RequestParam(name = "current_password", required = false) String password, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes, Model model) {
		if (this.twoFactors.isEnabled(user.getId())) {
			return redirectTo(routes().path(PATH));
		}
		Optional<String> refused = checked(request, response, user, () -> passwordRight(user, password),
				this.messages::invalidPassword);
		if (refused.isPresent()) {
			model.addAttribute(PowFlash.ERROR, refused.get());
			return showPage(user, model);
		}
		byte[] secret = this.twoFactors.beginEnrolment(user.getId()).orElseThrow();
		return enrolPage(user, secret, model);
	}

	/**
	 * Finish an enrolment with a first code: two-factor sign-in is on, and the recovery
	 * codes are shown once.
	 */
	@PostMapping
	public String confirm(@CurrentUser PowUser user, @RequestParam(name = "code", required = false) String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<byte[]> secret = this.twoFactors.enrolmentSecret(user.getId());
		if (secret.isEmpty()) {
			return redirectTo(routes().path(PATH));
		}
		AtomicReference<List<String>> codes = new AtomicReference<>();
		Optional<String> refused = checked(request, response, user, () -> {
			this.twoFactors.confirmEnrolment(user.getId(), code).ifPresent(codes::set);
			return codes.get() != null;
		}, this.messages::invalidCode);
		if (refused.isPresent()) {
			model.addAttribute(PowFlash.ERROR, refused.get());
			return enrolPage(user, secret.get(), model);
		}
		this.events.publishEvent(new TwoFactorEnabledEvent(this, user.getId()));
		events().of(PowAuthEventType.TWO_FACTOR_ENABLED, user).publish(request);
		model.addAttribute(PowFlash.INFO, this.messages.enabled(request));
		return recoveryCodesPage(codes.get(), response, model);
	}

	/**
	 * Replace the recovery codes, after checking the password and a current code.
	 */
	@PostMapping("/recovery-codes")
	public String regenerate(@CurrentUser PowUser user,
			@RequestParam(name = "current_password", required = false) String password,
			@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<String> refused = passwordAndCode(request, response, user, password, code);
		if (refused.isPresent()) {
			model.addAttribute(PowFlash.ERROR, refused.get());
			return showPage(user, model);
		}
		return recoveryCodesPage(this.twoFactors.regenerateRecoveryCodes(user.getId()), response, model);
	}

	/**
	 * Turn two-factor sign-in off, after checking the password and a current code.
	 */
	@DeleteMapping
	public String disable(@CurrentUser PowUser user,
			@RequestParam(name = "current_password", required = false) String password,
			@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes, Model model) {
		Optional<String> refused = passwordAndCode(request, response, user, password, code);
		if (refused.isPresent()) {
			model.addAttribute(PowFlash.ERROR, refused.get());
			return showPage(user, model);
		}
		if (this.twoFactors.disable(user.getId())) {
			this.events.publishEvent(new TwoFactorDisabledEvent(this, user.getId(), false));
			events().of(PowAuthEventType.TWO_FACTOR_DISABLED, user).publish(request);
		}
		PowFlash.info(redirectAttributes, this.messages.disabled(request));
		return redirectTo(routes().path(PATH));
	}

	private Optional<String> passwordAndCode(HttpServletRequest request, HttpServletResponse response, PowUser user,
			String password, String code) {
		if (!this.twoFactors.isEnabled(user.getId())) {
			return Optional.of(this.messages.invalidCode(request));
		}
		// The password first: a wrong one uses no code up.
		Optional<String> refused = checked(request, response, user, () -> passwordRight(user, password),
				this.messages::invalidPassword);
		if (refused.isPresent()) {
			return refused;
		}
		return checked(request, response, user, () -> this.twoFactors.verifyTotp(user.getId(), code),
				this.messages::invalidCode);
	}

	// Runs a check as a sign-in attempt of the account: throttled, and counted when wrong.
	private Optional<String> checked(HttpServletRequest request, HttpServletResponse response, PowUser user,
			Supplier<Boolean> check, Function<HttpServletRequest, String> wrong) {
		Optional<SignInThrottle.Attempt> attempt = signInThrottle()
			.map((throttle) -> throttle.reserve(request, user.getUserId()));
		try {
			Optional<Duration> refused = attempt.flatMap(SignInThrottle.Attempt::refusedFor);
			if (refused.isPresent()) {
				return Optional.of(tooManyAttempts(request, response, refused.get()));
			}
			if (!check.get()) {
				attempt.ifPresent(SignInThrottle.Attempt::failed);
				return Optional.of(wrong.apply(request));
			}
			return Optional.empty();
		}
		finally {
			attempt.ifPresent(SignInThrottle.Attempt::release);
		}
	}

	private boolean passwordRight(PowUser user, String password) {
		if (user.getPasswordHash() == null) {
			// An account without a password (signing in by mailed links) has none to ask.
			return true;
		}
		return password != null && users().authenticate(user.getUserId(), password)
			.filter((found) -> found.getId().equals(user.getId()))
			.isPresent();
	}

	private String showPage(PowUser user, Model model) {
		model.addAttribute("twoFactorEnabled", this.twoFactors.isEnabled(user.getId()));
		model.addAttribute("remainingRecoveryCodes", this.twoFactors.remainingRecoveryCodes(user.getId()));
		model.addAttribute("passwordNeeded", user.getPasswordHash() != null);
		return SHOW_VIEW;
	}

	private String enrolPage(PowUser user, byte[] secret, Model model) {
		model.addAllAttributes(this.qrCodes.enrolment(user.getUserId(), secret));
		model.addAttribute("formPath", routes().path(PATH));
		model.addAttribute("forced", false);
		return TwoFactorController.ENROL_VIEW;
	}

	private String recoveryCodesPage(List<String> codes, HttpServletResponse response, Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute("continuePath", routes().path(PATH));
		return TwoFactorController.RECOVERY_CODES_VIEW;
	}

}
