package dev.powspring.passkeys;

import java.util.Map;

import dev.powspring.session.CurrentUser;
import dev.powspring.user.PowUser;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.controller.PowControllerSupport;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireAuthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The passkeys page, linked from the account page: register a passkey, list, rename and
 * remove them. For signed-in users only; every change needs the CSRF token.
 */
@Controller
@PowController
@RequestMapping("/registration/passkeys")
@CsrfProtected
@RequireAuthenticated
public class PasskeysController extends PowControllerSupport {

	/** The passkeys page's template. */
	public static final String INDEX_VIEW = "pow/passkeys/index";

	/** Register a passkey, as the callbacks see it. */
	public static final PowAction CREATE = new PowAction("passkey_create");

	/** Rename a passkey, as the callbacks see it. */
	public static final PowAction UPDATE = new PowAction("passkey_update");

	/** Remove a passkey, as the callbacks see it. */
	public static final PowAction DELETE = new PowAction("passkey_delete");

	private static final int MAX_NAME_LENGTH = 100;

	private final Passkeys passkeys;

	private final PasskeyCredentials credentials;

	private final PasskeysMessages messages;

	/**
	 * Create an instance.
	 * @param collaborators what every Pow controller works with
	 * @param passkeys the ceremonies
	 * @param credentials the stored passkeys
	 * @param messages the flash messages
	 */
	public PasskeysController(Collaborators collaborators, Passkeys passkeys, PasskeyCredentials credentials,
			PasskeysMessages messages) {
		super(collaborators);
		this.passkeys = passkeys;
		this.credentials = credentials;
		this.messages = messages;
	}

	/**
	 * Show the user's passkeys and the button that adds one.
	 */
	@GetMapping
	public String index(@CurrentUser PowUser user, Model model) {
		model.addAttribute("passkeys", this.credentials.list(user.getId()));
		return INDEX_VIEW;
	}

	/**
	 * Answer the options for {@code navigator.credentials.create()}, with a new challenge.
	 */
	@PostMapping("/options")
	@ResponseBody
	public ResponseEntity<Map<String, Object>> options(@CurrentUser PowUser user, HttpServletRequest request) {
		return this.passkeys.registrationOptions(request, user)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).build());
	}

	/**
	 * Verify and store a new passkey.
	 */
	@PostMapping
	public String create(@CurrentUser PowUser user,
			@RequestParam(name = "credential", required = false) String credential,
			@RequestParam(name = "name", required = false) String name, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes) {
		Passkeys.Registration[] registration = { Passkeys.Registration.INVALID };
		return perform(context(CREATE, request, response, redirectAttributes, null, user), (context) -> {
			if (credential != null && !credential.isBlank()) {
				String label = cleanName(name);
				registration[0] = this.passkeys.register(request, user, credential,
						(label != null) ? label : this.messages.defaultName(request));
			}
			return context.withOutcome((registration[0] == Passkeys.Registration.ADDED) ? user : null, null);
		}, (outcome) -> {
			switch (registration[0]) {
				case ADDED -> PowFlash.info(redirectAttributes, this.messages.added(request));
				case ALREADY_REGISTERED -> PowFlash.error(redirectAttributes, this.messages.alreadyRegistered(request));
				case UNAVAILABLE -> PowFlash.error(redirectAttributes, this.messages.unavailable(request));
				default -> PowFlash.error(redirectAttributes, this.messages.registrationFailed(request));
			}
			return redirectTo(routes().path("/registration/passkeys"));
		});
	}

	/**
	 * Rename one of the user's passkeys.
	 */
	@PatchMapping("/{id}")
	public String update(@CurrentUser PowUser user, @PathVariable String id,
			@RequestParam(name = "name", required = false) String name, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes) {
		return perform(context(UPDATE, request, response, redirectAttributes, null, user), (context) -> {
			String label = cleanName(name);
			Long passkeyId = parseId(id);
			boolean renamed = label != null && passkeyId != null && this.credentials.rename(user.getId(), passkeyId, label);
			return context.withOutcome(renamed ? user : null, null);
		}, (outcome) -> {
			if (outcome.succeeded()) {
				PowFlash.info(redirectAttributes, this.messages.renamed(request));
			}
			else {
				PowFlash.error(redirectAttributes, this.messages.notFound(request));
			}
			return redirectTo(routes().path("/registration/passkeys"));
		});
	}

	/**
	 * Remove one of the user's passkeys.
	 */
	@DeleteMapping("/{id}")
	public String delete(@CurrentUser PowUser user, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirectAttributes) {
		return perform(context(DELETE, request, response, redirectAttributes, null, user), (context) -> {
			Long passkeyId = parseId(id);
			boolean removed = passkeyId != null && this.passkeys.remove(request, user, passkeyId);
			return context.withOutcome(removed ? user : null, null);
		}, (outcome) -> {
			if (outcome.succeeded()) {
				PowFlash.info(redirectAttributes, this.messages.removed(request));
			}
			else {
				PowFlash.error(redirectAttributes, this.messages.notFound(request));
			}
			return redirectTo(routes().path("/registration/passkeys"));
		});
	}

	private static String cleanName(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String trimmed = name.strip().replaceAll("\\p{Cntrl}", "");
		return trimmed.isEmpty() ? null
				: trimmed.substring(0, Math.min(trimmed.length(), MAX_NAME_LENGTH));
	}

	private static Long parseId(String id) {
		try {
			return Long.valueOf(id);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
