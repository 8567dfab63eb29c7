package dev.powspring.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.powspring.admin.AdminUserActions.Outcome;
import dev.powspring.audit.PowAuditTrail;
import dev.powspring.event.PowAuthEvent;
import dev.powspring.session.CurrentUser;
import dev.powspring.session.SessionMetadata;
import dev.powspring.user.PowUser;
import dev.powspring.user.UserRoles;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.controller.PowControllerSupport;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireRole;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The admin console, for users with the admin role: the user list, one user's page, and
 * the actions on a user. Each action is a CSRF-protected POST; a destructive one first
 * answers with a page asking to confirm, and acts only when posted again with
 * {@code confirmed=true}. With the audit trail on, a user's page shows their recent
 * activity.
 */
@Controller
@PowController
@RequestMapping("/admin/users")
@RequireRole(AdminUserActions.ADMIN_ROLE)
@CsrfProtected
public class AdminController extends PowControllerSupport {

	/** The user list's template. */
	public static final String INDEX_VIEW = "pow/admin/users/index";

	/** One user's template. */
	public static final String SHOW_VIEW = "pow/admin/users/show";

	/** The template asking to confirm a destructive action. */
	public static final String CONFIRM_VIEW = "pow/admin/users/confirm";

	private static final int MAX_SEARCH_LENGTH = 255;

	/** How many of a user's latest events their page shows. */
	public static final int RECENT_ACTIVITY = 20;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final AdminUserDirectory directory;

	private final AdminUserActions actions;

	private final AdminMessages adminMessages;

	private final boolean confirmationLinks;

	private PowAuditTrail auditTrail;

	/**
	 * Create an instance.
	 * @param collaborators the core services
	 * @param directory finds users
	 * @param actions acts on users
	 * @param adminMessages the flash messages
	 * @param confirmationLinks whether email confirmation is on, so links can be sent again
	 */
	public AdminController(Collaborators collaborators, AdminUserDirectory directory, AdminUserActions actions,
			AdminMessages adminMessages, boolean confirmationLinks) {
		super(collaborators);
		this.directory = directory;
		this.actions = actions;
		this.adminMessages = adminMessages;
		this.confirmationLinks = confirmationLinks;
	}

	/**
	 * Show each user's recent activity from the audit trail.
	 * @param auditTrail the trail, or {@code null} when it is off
	 */
	public void setAuditTrail(PowAuditTrail auditTrail) {
		this.auditTrail = auditTrail;
	}

	/**
	 * Give the console's templates times in one readable form, in UTC.
	 * @return the formatter
	 */
	@ModelAttribute("powAdminTime")
	public TimeFormat timeFormat() {
		return (instant) -> (instant != null) ? TIME.format(instant) : "";
	}

	/**
	 * List users by creation, a page at a time, optionally only those whose user id or
	 * email starts with the search text.
	 */
	@GetMapping
	public String index(@RequestParam(name = "q", defaultValue = "") String search,
			@RequestParam(defaultValue = "newest") String order, @RequestParam(required = false) String after,
			Model model) {
		if (search.length() > MAX_SEARCH_LENGTH || !(order.equals("newest") || order.equals("oldest"))) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		AdminUserQuery.Cursor cursor = (after != null) ? AdminUserQuery.Cursor.parse(after)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST)) : null;
		AdminUserPage page = this.directory.find(new AdminUserQuery(search, order.equals("oldest"), cursor));
		model.addAttribute("page", page);
		model.addAttribute("q", search);
		model.addAttribute("order", order);
		model.addAttribute("firstPage", (cursor != null) ? listPath(search, order, null) : null);
		model.addAttribute("nextPage", (page.next() != null) ? listPath(search, order, page.next()) : null);
		return INDEX_VIEW;
	}

	/**
	 * Show one user with the actions on them.
	 */
	@GetMapping("/{id}")
	public String show(@PathVariable Long id, @CurrentUser PowUser admin, Model model) {
		AdminUser account = this.directory.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("account", account);
		model.addAttribute("self", account.id().equals(admin.getId()));
		model.addAttribute("confirmationLinks", this.confirmationLinks);
		if (this.auditTrail != null) {
			model.addAttribute("activity",
					this.auditTrail.recent(account.id(), RECENT_ACTIVITY).stream().map(Activity::of).toList());
		}
		return SHOW_VIEW;
	}

	/**
	 * Lock the account, once confirmed.
	 */
	@PostMapping("/{id}/lock")
	public String lock(@PathVariable Long id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, @CurrentUser PowUser admin,
			HttpServletRequest request, RedirectAttributes redirectAttributes, Model model) {
		if (!confirmed) {
			return confirm(model, id, AdminAction.LOCK, "/lock", Map.of("reason", reason), null);
		}
		return act(request, redirectAttributes, id, AdminAction.LOCK, null, () -> this.actions.lock(admin, id, reason));
	}

	/**
	 * Unlock the account.
	 */
	@PostMapping("/{id}/unlock")
	public String unlock(@PathVariable Long id, @CurrentUser PowUser admin, HttpServletRequest request,
			RedirectAttributes redirectAttributes) {
		return act(request, redirectAttributes, id, AdminAction.UNLOCK, null, () -> this.actions.unlock(admin, id));
	}

	/**
	 * Grant a role.
	 */
	@PostMapping("/{id}/roles")
	public String grantRole(@PathVariable Long id, @RequestParam(defaultValue = "") String role,
			@CurrentUser PowUser admin, HttpServletRequest request, RedirectAttributes redirectAttributes) {
		String name = role.strip();
		return act(request, redirectAttributes, id, AdminAction.GRANT_ROLE, name,
				() -> this.actions.grantRole(admin, id, name));
	}

	/**
	 * Revoke a role, once confirmed.
	 */
	@PostMapping("/{id}/roles/{role}/revoke")
	public String revokeRole(@PathVariable Long id, @PathVariable String role,
			@RequestParam(defaultValue = "false") boolean confirmed, @CurrentUser PowUser admin,
			HttpServletRequest request, RedirectAttributes redirectAttributes, Model model) {
		if (!confirmed && UserRoles.isValid(role)) {
			return confirm(model, id, AdminAction.REVOKE_ROLE, "/roles/" + role + "/revoke", Map.of(), role);
		}
		return act(request, redirectAttributes, id, AdminAction.REVOKE_ROLE, role,
				() -> this.actions.revokeRole(admin, id, role));
	}

	/**
	 * End every session and token of the user, once confirmed.
	 */
	@PostMapping("/{id}/sessions/end")
	public String endSessions(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean confirmed,
			@CurrentUser PowUser admin, HttpServletRequest request, RedirectAttributes redirectAttributes,
			Model model) {
		if (!confirmed) {
			return confirm(model, id, AdminAction.END_SESSIONS, "/sessions/end", Map.of(), null);
		}
		return act(request, redirectAttributes, id, AdminAction.END_SESSIONS, null,
				() -> this.actions.endSessions(admin, id));
	}

	/**
	 * Turn two-factor sign-in off, once confirmed.
	 */
	@PostMapping("/{id}/two-factor/disable")
	public String disableTwoFactor(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean confirmed,
			@CurrentUser PowUser admin, HttpServletRequest request, RedirectAttributes redirectAttributes,
			Model model) {
		if (!confirmed) {
			return confirm(model, id, AdminAction.DISABLE_TWO_FACTOR, "/two-factor/disable", Map.of(), null);
		}
		return act(request, redirectAttributes, id, AdminAction.DISABLE_TWO_FACTOR, null,
				() -> this.actions.disableTwoFactor(admin, id, request));
	}

	/**
	 * Mail a new confirmation link.
	 */
	@PostMapping("/{id}/confirmation")
	public String sendConfirmationLink(@PathVariable Long id, @CurrentUser PowUser admin, HttpServletRequest request,
			RedirectAttributes redirectAttributes) {
		return act(request, redirectAttributes, id, AdminAction.SEND_CONFIRMATION, null,
				() -> this.actions.sendConfirmationLink(admin, id, request));
	}

	/**
	 * Delete the account, once confirmed.
	 */
	@PostMapping("/{id}/delete")
	public String delete(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean confirmed,
			@CurrentUser PowUser admin, HttpServletRequest request, RedirectAttributes redirectAttributes,
			Model model) {
		if (!confirmed) {
			return confirm(model, id, AdminAction.DELETE, "/delete", Map.of(), null);
		}
		return act(request, redirectAttributes, id, AdminAction.DELETE, null, () -> this.actions.delete(admin, id));
	}

	private String confirm(Model model, Long id, AdminAction action, String path, Map<String, String> fields,
			String detail) {
		AdminUser account = this.directory.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Map<String, String> hidden = new LinkedHashMap<>(fields);
		hidden.put("confirmed", "true");
		model.addAttribute("account", account);
		model.addAttribute("confirmation", new Confirmation(action.name().toLowerCase(Locale.ROOT).replace('_', '-'),
				userPath(id) + path, hidden, detail));
		return CONFIRM_VIEW;
	}

	// Run the action, tell the admin how it went, and go back to the user's page, or to the
	// list when the user is gone.
	private String act(HttpServletRequest request, RedirectAttributes redirectAttributes, Long id,
			AdminAction action, String detail, Supplier<Outcome> run) {
		String subject = users().getById(id).map(PowUser::getUserId).orElse(String.valueOf(id));
		Outcome outcome = run.get();
		String text = this.adminMessages.outcome(request, action, outcome, subject, detail);
		if (outcome == Outcome.DONE || outcome == Outcome.UNCHANGED) {
			PowFlash.info(redirectAttributes, text);
		}
		else {
			PowFlash.error(redirectAttributes, text);
		}
		boolean gone = outcome == Outcome.NOT_FOUND || (outcome == Outcome.DONE && action == AdminAction.DELETE);
		return redirectTo(gone ? routes().path("/admin/users") : userPath(id));
	}

	private String userPath(Long id) {
		return routes().path("/admin/users/" + id);
	}

	private String listPath(String search, String order, AdminUserQuery.Cursor after) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(routes().path("/admin/users"));
		if (!search.isEmpty()) {
			builder.queryParam("q", search);
		}
		if (!order.equals("newest")) {
			builder.queryParam("order", order);
		}
		if (after != null) {
			builder.queryParam("after", after.toString());
		}
		return builder.encode().build().toUriString();
	}

	/**
	 * Formats times for the console's templates.
	 */
	@FunctionalInterface
	public interface TimeFormat {

		/**
		 * Format a time.
		 * @param instant the time, or {@code null}
		 * @return the text, empty for {@code null}
		 */
		String format(Instant instant);

	}

	/**
	 * One line of a user's recent activity, as their page shows it.
	 *
	 * @param time when it happened
	 * @param type the event type's code, as in {@code pow.admin.activity.<type>}
	 * @param method how the user signed in, or {@code null}
	 * @param reason why, such as why a sign-in failed, or {@code null}
	 * @param clientAddress the client's address, or {@code null}
	 * @param device the browser and operating system of the user agent, or {@code null}
	 * @param byAdmin whether an admin did it
	 */
	public record Activity(Instant time, String type, String method, String reason, String clientAddress,
			String device, boolean byAdmin) {

		static Activity of(PowAuthEvent event) {
			String device = (event.userAgent() != null)
					? SessionMetadata.browser(event.userAgent()) + ", " + SessionMetadata.os(event.userAgent()) : null;
			return new Activity(event.occurredAt(), event.type().code(), event.detail(PowAuthEvent.METHOD),
					event.detail(PowAuthEvent.REASON), event.clientAddress(), device, event.actorId() != null);
		}

	}

	/**
	 * What the confirmation page asks about.
	 *
	 * @param action the action's key, as in {@code pow.admin.confirm.<action>}
	 * @param path where the confirmed form posts
	 * @param fields the form's hidden fields
	 * @param detail the role, for an action about one, else {@code null}
	 */
	public record Confirmation(String action, String path, Map<String, String> fields, String detail) {

	}

}
