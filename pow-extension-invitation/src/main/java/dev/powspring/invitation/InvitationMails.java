package dev.powspring.invitation;

import java.util.Map;

import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.user.PowUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The invitation mail: template {@code pow/mail/invitation}, subject
 * {@code pow.invitation.mail.subject}, naming the inviter.
 */
public class InvitationMails {

	private final PowMailTemplates templates;

	private final PowMailDelivery delivery;

	public InvitationMails(PowMailTemplates templates, PowMailDelivery delivery) {
		this.templates = templates;
		this.delivery = delivery;
	}

	/**
	 * Send the invitation link.
	 * @param request the inviter's request
	 * @param inviter the inviter
	 * @param email the invited address
	 * @param url the absolute link to accept
	 */
	public void sendInvitation(HttpServletRequest request, PowUser inviter, String email, String url) {
		this.delivery.deliver(email, "", "invitation",
				() -> this.templates.render("invitation", email, "pow.invitation.mail.subject",
						Map.of("url", url, "inviter", inviter.getUserId()), RequestContextUtils.getLocale(request)));
	}

}
