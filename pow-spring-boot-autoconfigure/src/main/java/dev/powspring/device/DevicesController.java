package dev.powspring.device;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import dev.powspring.audit.PowAuditTrail;
import dev.powspring.event.PowAuthEvent;
import dev.powspring.session.PowCurrentUser;
import dev.powspring.session.SessionMetadata;
import dev.powspring.user.PowUser;
import dev.powspring.web.PowController;
import dev.powspring.web.PowFlash;
import dev.powspring.web.controller.PowControllerSupport;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireAuthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The devices page: the signed-in user's browser sessions, remembered devices and API
 * tokens, each of which can be ended, and their recent security activity when the audit
 * trail is on. Every change is a CSRF-protected form post.
 */
@Controller
@PowController
@RequestMapping("/registration/sessions")
@CsrfProtected
@RequireAuthenticated
public class DevicesController extends PowControllerSupport {

	/** The devices page's template. */
	public static final String VIEW = "pow/registration/sessions";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final PowDevices devices;

	private final PowAuditTrail auditTrail;

	private final int recentActivity;

	/**
	 * Create an instance.
	 * @param collaborators what every Pow controller works with
	 * @param devices the user's devices
	 * @param auditTrail the audit trail, or {@code null} when it is off
	 * @param recentActivity how many recent events to show
	 */
	public DevicesController(Collaborators collaborators, PowDevices devices, PowAuditTrail auditTrail,
			int recentActivity) {
		super(collaborators);
		this.devices = devices;
		this.auditTrail = auditTrail;
		this.recentActivity = recentActivity;
	}

	/**
	 * Show the devices and the recent activity.
	 */
	@GetMapping
	public String index(HttpServletRequest request, Model model) {
		PowUser user = PowCurrentUser.get(request).orElseThrow();
		model.addAttribute("devices",
				this.devices.list(user.getId(), request).stream().map(DevicesController::row).toList());
		model.addAttribute("activity", (this.auditTrail != null)
				? this.auditTrail.recent(user.getId(), this.recentActivity).stream().map(ActivityRow::of).toList()
				: null);
		return VIEW;
	}

	/**
	 * End one device; ending the request's own signs it out.
	 */
	@DeleteMapping("/{id:[0-9a-f]{32}}")
	public String end(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes) {
		PowUser user = PowCurrentUser.get(request).orElseThrow();
		Optional<PowDevices.ListedDevice> ended = this.devices.end(user.getId(), id, request);
		if (ended.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (ended.get().current()) {
			return signedOut(request, response, redirectAttributes);
		}
		PowFlash.info(redirectAttributes, messageSource().getMessage("pow.devices.messages.ended", null,
				request.getLocale()));
		return redirectTo(routes().path("/registration/sessions"));
	}

	/**
	 * End every device but this one.
	 */
	@DeleteMapping("/others")
	public String endOthers(HttpServletRequest request, RedirectAttributes redirectAttributes) {
		PowUser user = PowCurrentUser.get(request).orElseThrow();
		int ended = this.devices.endOthers(user.getId(), request);
		PowFlash.info(redirectAttributes, messageSource().getMessage("pow.devices.messages.ended-others",
				new Object[] { ended }, request.getLocale()));
		return redirectTo(routes().path("/registration/sessions"));
	}

	/**
	 * End every device, this one included.
	 */
	@DeleteMapping
	public String endAll(HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes) {
		PowUser user = PowCurrentUser.get(request).orElseThrow();
		this.devices.endAll(user.getId(), request);
		return signedOut(request, response, redirectAttributes);
	}

	private String signedOut(HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirectAttributes) {
		sessions().delete(request, response);
		PowFlash.info(redirectAttributes, messageSource().getMessage("pow.devices.messages.signed-out", null,
				request.getLocale()));
		return redirectTo(routes().afterSignOutPath(request));
	}

	private static DeviceRow row(PowDevices.ListedDevice listed) {
		PowDevice device = listed.device();
		return new DeviceRow(listed.id(), device.kind().code(), device.get(SessionMetadata.BROWSER),
				device.get(SessionMetadata.OS), device.get(SessionMetadata.CLIENT_ADDRESS),
				device.get(SessionMetadata.METHOD), format(device.time(SessionMetadata.SIGNED_IN_AT)),
				format(device.time(SessionMetadata.LAST_SEEN_AT)), listed.current());
	}

	private static String format(Instant time) {
		return (time != null) ? TIME.format(time) : null;
	}

	/**
	 * A device as the page shows it.
	 *
	 * @param id the device's opaque id
	 * @param kind {@code web_session}, {@code remember_me} or {@code api_token}
	 * @param browser the browser's name
	 * @param os the operating system's name
	 * @param clientAddress the address it signed in from
	 * @param method how it signed in
	 * @param signedInAt when it signed in
	 * @param lastSeenAt when it was last seen (at a token rotation), or {@code null}
	 * @param current whether the request comes from it
	 */
	public record DeviceRow(String id, String kind, String browser, String os, String clientAddress,
			String method, String signedInAt, String lastSeenAt, boolean current) {

	}

	/**
	 * An event as the page shows it.
	 *
	 * @param type the event's code
	 * @param occurredAt when it happened
	 * @param method the sign-in method, if any
	 * @param reason why a sign-in failed, if it did
	 * @param clientAddress where it came from
	 * @param browser the browser's name
	 * @param os the operating system's name
	 * @param byAdmin whether an admin did it
	 */
	public record ActivityRow(String type, String occurredAt, String method, String reason, String clientAddress,
			String browser, String os, boolean byAdmin) {

		static ActivityRow of(PowAuthEvent event) {
			return new ActivityRow(event.type().code(), format(event.occurredAt()), event.detail(PowAuthEvent.METHOD),
					event.detail(PowAuthEvent.REASON), event.clientAddress(),
					(event.userAgent() != null) ? SessionMetadata.browser(event.userAgent()) : null,
					(event.userAgent() != null) ? SessionMetadata.os(event.userAgent()) : null,
					event.actorId() != null);
		}

	}

}
