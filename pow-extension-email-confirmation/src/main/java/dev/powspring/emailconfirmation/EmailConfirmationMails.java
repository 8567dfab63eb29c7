package dev.powspring.emailconfirmation;

import java.util.Map;

import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.PowUrls;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The confirmation mail: template {@code pow/mail/email_confirmation}, subject
 * {@code pow.email-confirmation.mail.subject}, in the requester's locale.
 */
public class EmailConfirmationMails {

	private final PowMailTemplates templates;

	private final PowMailDelivery delivery;

	private final PowUrls urls;

	private final PowRoutes routes;

	public EmailConfirmationMails(PowMailTemplates templates, PowMailDelivery delivery, PowUrls urls,
			PowRoutes routes) {
		this.routes = routes;
		this.templates = templates;
		this.delivery = delivery;
		this.urls = urls;
	}

	/**
	 * Send the confirmation link to the address it confirms.
	 * @param request the request that caused the mail
	 * @param email the address to confirm
	 * @param signedToken the signed token for the link
	 */
	public void sendConfirmationLink(HttpServletRequest request, String email, String signedToken) {
		this.urls.absolute(request, this.routes.path("/confirm-email/" + signedToken))
			.ifPresent((url) -> this.delivery.deliver(email, "", "email_confirmation",
				() -> this.templates.render("email_confirmation", email,
					"pow.email-confirmation.mail.subject", Map.of("url", url, "email", email),
					RequestContextUtils.getLocale(request))));
	}

}
