package dev.powspring.web.controller;

import java.time.Duration;
import java.util.Optional;

import dev.powspring.session.PowCurrentUser;
import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SignInMethod;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.user.PowUser;
import dev.powspring.user.UserParams;
import dev.powspring.web.LocalPaths;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireAuthenticated;
import dev.powspring.web.guard.RequireNotAuthenticated;
import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-in and sign-out.
 */
@Controller
@PowController
@RequestMapping("/session")
@CsrfProtected
public class SessionController extends PowControllerSupport {

	/** The sign-in page's template. */
	public static final String NEW_VIEW = "pow/session/new";

	/** Name of the observation of a sign-in, which Micrometer makes a timer of. */
	public static final String SIGN_IN_OBSERVATION = "pow.sign.in";

	public SessionController(Collaborators collaborators) {
		super(collaborators);
	}

	/**
	 * Show the sign-in form.
	 */
	@GetMapping("/new")
	@RequireNotAuthenticated
	public String newSession(@RequestParam(name = PowRoutes.REQUEST_PATH_PARAMETER, required = false) String requestPath,
			Model model) {
		model.addAttribute("user", new UserParams());
		model.addAttribute("requestPath", safeRequestPath(requestPath));
		return NEW_VIEW;
	}

	/**
	 * Sign in.
	 */
	@PostMapping
	@RequireNotAuthenticated
	public String create(@ModelAttribute("user") UserParams params,
			@RequestParam(name = PowRoutes.REQUEST_PATH_PARAMETER, required = false) String requestPath,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirectAttributes,
			Model model) {
		Observation observation = Observation.start(SIGN_IN_OBSERVATION, observations())
			.lowCardinalityKeyValue("method", SignInMethod.PASSWORD.name());
		try {
			return signIn(params, requestPath, request, response, redirectAttributes, model);
		}
		finally {
			observation.lowCardinalityKeyValue("outcome",
					PowSessionManager.newSignInDuring(request).isPresent() ? "success" : "failure");
			observation.stop();
		}
	}

	private String signIn(UserParams params, String requestPath, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes, Model model) {
		// Reserved before any password hash is computed, so parallel guesses share the limit.
		Optional<SignInThrottle.Attempt> attempt = signInThrottle()
			.map((throttle) -> throttle.reserve(request, params.getUserId()));
		Optional<Duration> refused = attempt.flatMap(SignInThrottle.Attempt::refusedFor);
		if (refused.isPresent()) {
			events().of(PowAuthEventType.SIGN_IN_FAILED, (Long) null)
				.detail(PowAuthEvent.METHOD, SignInMethod.PASSWORD.name())
				.detail(PowAuthEvent.REASON, PowAuthEvent.THROTTLED)
				.publish(request);
			String message = tooManyAttempts(request, response, refused.get());
			return signInForm(params, requestPath, message, model);
		}
		try {
			return perform(context(PowAction.SESSION_CREATE, request, response, redirectAttributes, params, null),
					(context) -> {
						PowUser user = users().authenticate(params.getUserId(), params.getPassword()).orElse(null);
						if (user == null) {
							attempt.ifPresent(SignInThrottle.Attempt::failed);
							badCredentials(params, request);
							return context.withOutcome(null, null);
						}
						attempt.ifPresent((reserved) -> reserved.succeeded(response));
						return signIn(context, user, null);
					}, (outcome) -> {
						if (outcome.succeeded()) {
							PowFlash.info(redirectAttributes, messages().signedIn(request));
							return redirectTo(routes().afterSignInPath(request));
						}
						return signInForm(params, requestPath, messages().invalidCredentials(request), model);
					});
		}
		finally {
			attempt.ifPresent(SignInThrottle.Attempt::release);
		}
	}

	// The account is named when it exists: operators see attacks on it. Looked up only on failure.
	private void badCredentials(UserParams params, HttpServletRequest request) {
		Long userId = (params.getUserId() != null)
				? users().getByUserId(params.getUserId()).map(PowUser::getId).orElse(null) : null;
		events().of(PowAuthEventType.SIGN_IN_FAILED, userId)
			.detail(PowAuthEvent.METHOD, SignInMethod.PASSWORD.name())
			.detail(PowAuthEvent.REASON, PowAuthEvent.BAD_CREDENTIALS)
			.publish(request);
	}

	/**
	 * Sign out.
	 */
	@DeleteMapping
	@RequireAuthenticated
	public String delete(HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes) {
		PowUser user = PowCurrentUser.get(request).orElse(null);
		return perform(context(PowAction.SESSION_DELETE, request, response, redirectAttributes, null, user),
				(context) -> {
					sessions().delete(request, response);
					events().of(PowAuthEventType.SIGNED_OUT, user).publish(request);
					return context.withOutcome(user, null);
				}, (outcome) -> {
					PowFlash.info(redirectAttributes, messages().signedOut(request));
					return redirectTo(routes().afterSignOutPath(request));
				});
	}

	private static String signInForm(UserParams params, String requestPath, String error, Model model) {
		params.setPassword(null);
		model.addAttribute(PowFlash.ERROR, error);
		model.addAttribute("requestPath", safeRequestPath(requestPath));
		return NEW_VIEW;
	}

	private static String safeRequestPath(String requestPath) {
		return LocalPaths.isSafe(requestPath) ? requestPath : null;
	}

}
