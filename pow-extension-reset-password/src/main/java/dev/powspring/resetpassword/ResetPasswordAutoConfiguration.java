package dev.powspring.resetpassword;

import java.time.Clock;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowConfigurationException;
import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.messages.PowMessageBundle;
import dev.powspring.session.PowSessionManager;
import dev.powspring.store.PowStore;
import dev.powspring.throttle.ClientAddresses;
import dev.powspring.throttle.PowThrottle;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.PowUsersService;
import dev.powspring.web.PowPageContributions;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.PowUrls;
import dev.powspring.web.controller.PowControllerSupport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for password reset: on when this module is on the classpath, off with
 * {@code pow.reset-password.enabled=false}.
 */
@AutoConfiguration(after = PowAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "pow.reset-password.enabled", matchIfMissing = true)
@ConditionalOnBean({ PowUsersService.class, PowSessionManager.class, PowMailDelivery.class })
@EnableConfigurationProperties(ResetPasswordProperties.class)
public class ResetPasswordAutoConfiguration {

	/** Basename of the extension's message bundle. */
	public static final String MESSAGES_BASENAME = "dev/powspring/resetpassword/messages";

	@Bean
	static PowMessageBundle powResetPasswordMessageBundle() {
		return new PowMessageBundle(MESSAGES_BASENAME);
	}

	@Bean
	PowPageContributions.Contribution powResetPasswordSignInLink() {
		return new PowPageContributions.Contribution(PowPageContributions.SIGN_IN_LINKS,
				"pow/reset_password/fragments", "sign-in-link");
	}

	@Bean
	@ConditionalOnMissingBean
	ResetPasswordTokens powResetPasswordTokens(PowStore store, TokenSigner signer, Clock clock,
			ResetPasswordProperties properties) {
		return new ResetPasswordTokens(store, signer, clock, properties.getTokenTtl());
	}

	@Bean
	@ConditionalOnMissingBean
	ResetPasswordMessages powResetPasswordMessages(MessageSource messageSource) {
		return new ResetPasswordMessages(messageSource);
	}

	@Bean
	@ConditionalOnMissingBean
	ResetPasswordMails powResetPasswordMails(PowMailTemplates templates, PowMailDelivery delivery, PowUrls urls,
			PowRoutes routes) {
		return new ResetPasswordMails(templates, delivery, urls, routes);
	}

	@Bean
	@ConditionalOnBean(PowThrottle.class)
	@ConditionalOnMissingBean(name = "powResetPasswordThrottle")
	RequestThrottle powResetPasswordThrottle(PowThrottle throttle, ClientAddresses addresses,
			PowProperties powProperties) {
		PowProperties.Throttle limits = powProperties.getThrottle();
		return new RequestThrottle(throttle, addresses, "reset_password", limits.getResetPasswordPerTarget(),
				limits.getResetPasswordPerAddress());
	}

	@Bean
	@ConditionalOnMissingBean
	ResetPasswordRequests powResetPasswordRequests(PowUsersService users, ResetPasswordTokens tokens,
			ResetPasswordMails mails,
			@Qualifier("powResetPasswordThrottle") ObjectProvider<RequestThrottle> requestThrottle,
			PowAuthEvents events) {
		return new ResetPasswordRequests(users, tokens, mails, requestThrottle.getIfAvailable(), events);
	}

	@Bean
	@ConditionalOnMissingBean
	ResetPasswordController powResetPasswordController(PowControllerSupport.Collaborators collaborators,
			ResetPasswordRequests requests, ResetPasswordTokens tokens, ResetPasswordMessages messages,
			PowProperties powProperties, PowAuthEvents events) {
		if (!collaborators.users().storesEmails()) {
			throw new PowConfigurationException("Password reset mails a link to the user's email, but users sign in "
					+ "with " + powProperties.getUserIdField().column() + " and have no email column.",
					"Let the user entity extend PowUsernameUser, or set pow.reset-password.enabled=false.");
		}
		return new ResetPasswordController(collaborators, requests, tokens, messages, events,
				powProperties.isPreventUserEnumeration());
	}

}
