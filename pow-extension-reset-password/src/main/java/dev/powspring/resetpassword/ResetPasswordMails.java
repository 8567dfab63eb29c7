package dev.powspring.resetpassword;

import java.util.Map;

import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.user.PowUser;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.PowUrls;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The reset mail: template {@code pow/mail/reset_password}, subject
 * {@code pow.reset-password.mail.subject}, in the requester's locale.
 */
public class ResetPasswordMails {

	private final PowMailTemplates templates;

	private final PowMailDelivery delivery;

	private final PowUrls urls;

	private final PowRoutes routes;

	public ResetPasswordMails(PowMailTemplates templates, PowMailDelivery delivery, PowUrls urls,
			PowRoutes routes) {
		this.routes = routes;
		this.templates = templates;
		this.delivery = delivery;
		this.urls = urls;
	}

	/**
	 * Send the link to reset the password.
	 * @param request the request that asked for it
	 * @param user the user
	 * @param address the user's email address
	 * @param signedToken the signed token for the link
	 */
	public void sendResetLink(HttpServletRequest request, PowUser user, String address, String signedToken) {
		this.urls.absolute(request, this.routes.path("/reset-password/" + signedToken))
			.ifPresent((url) -> this.delivery.deliver(address, "", "reset_password",
				() -> this.templates.render("reset_password", address,
					"pow.reset-password.mail.subject", Map.of("url", url, "user", user),
					RequestContextUtils.getLocale(request))));
	}

}
