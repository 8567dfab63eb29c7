package dev.powspring.web.controller;

import java.util.Optional;

import dev.powspring.session.PowCurrentUser;
import dev.powspring.user.PowUser;
import dev.powspring.user.UserParams;
import dev.powspring.web.LocalPaths;
import dev.powspring.web.PowFlash;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.callback.PowCallbackContext;
import dev.powspring.web.callback.PowCallbackResult;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireAuthenticated;
import dev.powspring.web.guard.RequireNotAuthenticated;
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
@RequestMapping("/session")
@CsrfProtected
public class SessionController extends PowControllerSupport {

	/** The sign-in page's template. */
	public static final String NEW_VIEW = "pow/session/new";

	public SessionController(Collaborators collaborators) {
		super(collaborators);
	}

	/**
	 * Show the sign-in form.
	 */
	@GetMapping("/new")
	@RequireNotAuthenticated
	public String newSession(@RequestParam(name = PowRoutes.REQUEST_PATH_PARAMETER, required = false) String requestPath,
			Model model, HttpServletResponse response) {
		noCache(response);
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
		PowCallbackContext context = context(PowAction.SESSION_CREATE, request, response, redirectAttributes, null);
		PowCallbackResult halt = callbacks().beforeProcess(context);
		if (halt.halted()) {
			return halt.view();
		}
		Optional<PowUser> user = users().authenticate(params.getUserId(), params.getPassword());
		user.ifPresent((signedIn) -> sessions().create(request, response, signedIn));
		halt = callbacks().beforeRespond(context.withOutcome(user.orElse(null), null));
		if (halt.halted()) {
			return halt.view();
		}
		if (user.isPresent()) {
			PowFlash.info(redirectAttributes, messages().signedIn(request));
			return redirectTo(routes().afterSignInPath(request));
		}
		noCache(response);
		params.setPassword(null);
		model.addAttribute(PowFlash.ERROR, messages().invalidCredentials(request));
		model.addAttribute("requestPath", safeRequestPath(requestPath));
		return NEW_VIEW;
	}

	/**
	 * Sign out.
	 */
	@DeleteMapping
	@RequireAuthenticated
	public String delete(HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes) {
		PowUser user = PowCurrentUser.get(request).orElse(null);
		PowCallbackContext context = context(PowAction.SESSION_DELETE, request, response, redirectAttributes, user);
		PowCallbackResult halt = callbacks().beforeProcess(context);
		if (halt.halted()) {
			return halt.view();
		}
		sessions().delete(request, response);
		halt = callbacks().beforeRespond(context.withOutcome(user, null));
		if (halt.halted()) {
			return halt.view();
		}
		PowFlash.info(redirectAttributes, messages().signedOut(request));
		return redirectTo(routes().afterSignOutPath(request));
	}

	private static String safeRequestPath(String requestPath) {
		return LocalPaths.isSafe(requestPath) ? requestPath : null;
	}

}
