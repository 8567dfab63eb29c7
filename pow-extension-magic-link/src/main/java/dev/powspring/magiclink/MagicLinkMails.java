package dev.powspring.magiclink;

import java.util.Map;

import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.user.PowUser;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.PowUrls;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The magic link mail: template {@code pow/mail/magic_link}, subject
 * {@code pow.magic-link.mail.subject}, in the requester's locale.
 */
public class MagicLinkMails {

	private final PowMailTemplates templates;

	private final PowMailDelivery delivery;

	private final PowUrls urls;

	private final PowRoutes routes;

	public MagicLinkMails(PowMailTemplates templates, PowMailDelivery delivery, PowUrls urls, PowRoutes routes) {
		this.templates = templates;
		this.delivery = delivery;
		this.urls = urls;
		this.routes = routes;
	}

	/**
	 * Send the link that signs the user in.
	 * @param request the request that asked for it
	 * @param user the user
	 * @param address the user's email address
	 * @param signedToken the signed token for the link
	 */
	public void sendMagicLink(HttpServletRequest request, PowUser user, String address, String signedToken) {
		this.urls.absolute(request, this.routes.path("/magic-link/" + signedToken))
			.ifPresent((url) -> this.delivery.deliver(address, "", "magic_link",
				() -> this.templates.render("magic_link", address,
					"pow.magic-link.mail.subject", Map.of("url", url, "user", user),
					RequestContextUtils.getLocale(request))));
	}

}
