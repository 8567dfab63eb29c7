package dev.powspring.notification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SessionMetadata;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.PowUrls;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Mails the user of their own realm's events, each when switched on: a sign-in from a
 * browser without the account's device cookie ({@code pow.notifications.new-device}), and a
 * changed or reset password ({@code pow.notifications.password-changed}). The mails link to
 * the devices page and the password reset page, and hold no secret.
 */
public class PowNotificationMails {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final PowUsersService users;

	private final PowMailTemplates templates;

	private final PowMailDelivery delivery;

	private final PowUrls urls;

	private final PowRoutes routes;

	private final String realm;

	private final Settings settings;

	/**
	 * Create an instance.
	 * @param users finds the user's address
	 * @param templates renders the mails
	 * @param delivery sends them
	 * @param urls makes the links absolute
	 * @param routes where the links go
	 * @param realm the realm whose events to mail about
	 * @param settings which mails are on
	 */
	public PowNotificationMails(PowUsersService users, PowMailTemplates templates, PowMailDelivery delivery,
			PowUrls urls, PowRoutes routes, String realm, Settings settings) {
		this.users = users;
		this.templates = templates;
		this.delivery = delivery;
		this.urls = urls;
		this.routes = routes;
		this.realm = realm;
		this.settings = settings;
	}

	@EventListener
	public void notify(PowAuthEvent event) {
		if (!this.realm.equals(event.realm()) || event.userId() == null) {
			return;
		}
		if (this.settings.newDevice() && event.type() == PowAuthEventType.SIGNED_IN
				&& "true".equals(event.detail(PowSessionManager.NEW_DEVICE))) {
			send(event, "new_device", "pow.notifications.new-device.subject", "/registration/sessions");
		}
		else if (this.settings.passwordChanged() && (event.type() == PowAuthEventType.PASSWORD_CHANGED
				|| event.type() == PowAuthEventType.PASSWORD_RESET_COMPLETED)) {
			send(event, "password_changed", "pow.notifications.password-changed.subject",
					this.settings.passwordChangedLinkPath());
		}
	}

	private void send(PowAuthEvent event, String template, String subject, String linkPath) {
		HttpServletRequest request = currentRequest();
		if (request == null) {
			return;
		}
		Optional<PowUser> user = this.users.getById(event.userId());
		Optional<String> address = user.flatMap(this.users::emailOf);
		Optional<String> url = this.urls.absolute(request, this.routes.path(linkPath));
		if (address.isEmpty() || url.isEmpty()) {
			return;
		}
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("user", user.get());
		variables.put("url", url.get());
		variables.put("time", TIME.format(event.occurredAt()));
		variables.put("clientAddress", event.clientAddress());
		variables.put("browser", SessionMetadata.browser(event.userAgent()));
		variables.put("os", SessionMetadata.os(event.userAgent()));
		Locale locale = RequestContextUtils.getLocale(request);
		// Counted apart from link mails, so that a notice never crowds out a reset link.
		this.delivery.deliver(address.get(), "notification:", template,
				() -> this.templates.render(template, address.get(), subject, variables, locale));
	}

	private static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

	/**
	 * Which mails are on.
	 *
	 * @param newDevice mail a sign-in from a new browser
	 * @param passwordChanged mail a changed or reset password
	 * @param passwordChangedLinkPath where the password mail sends a user who did not
	 * change it: the password reset page, or the sign-in page without that extension
	 */
	public record Settings(boolean newDevice, boolean passwordChanged, String passwordChangedLinkPath) {

	}

}
