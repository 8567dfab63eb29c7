package dev.powspring.magiclink;

import java.time.Clock;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowConfigurationException;
import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.messages.PowMessageBundle;
import dev.powspring.session.PowSessionManager;
import dev.powspring.store.PowStore;
import dev.powspring.throttle.ClientAddresses;
import dev.powspring.throttle.PowThrottle;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.EmailConfirmationOperations;
import dev.powspring.user.PasswordlessSignIn;
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
 * for magic links: on when this module is on the classpath, off with
 * {@code pow.magic-link.enabled=false}.
 */
@AutoConfiguration(after = PowAutoConfiguration.class,
		afterName = "dev.powspring.emailconfirmation.EmailConfirmationAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "pow.magic-link.enabled", matchIfMissing = true)
@ConditionalOnBean({ PowUsersService.class, PowSessionManager.class, PowMailDelivery.class })
@EnableConfigurationProperties(MagicLinkProperties.class)
public class MagicLinkAutoConfiguration {

	/** Basename of the extension's message bundle. */
	public static final String MESSAGES_BASENAME = "dev/powspring/magiclink/messages";

	@Bean
	static PowMessageBundle powMagicLinkMessageBundle() {
		return new PowMessageBundle(MESSAGES_BASENAME);
	}

	@Bean
	PowPageContributions.Contribution powMagicLinkSignInLink() {
		return new PowPageContributions.Contribution(PowPageContributions.SIGN_IN_LINKS, "pow/magic_link/fragments",
				"sign-in-link");
	}

	@Bean
	@ConditionalOnBooleanProperty("pow.magic-link.password-optional")
	@ConditionalOnMissingBean
	PasswordlessSignIn powMagicLinkPasswordlessSignIn() {
		return () -> true;
	}

	@Bean
	@ConditionalOnMissingBean
	MagicLinkTokens powMagicLinkTokens(PowStore store, TokenSigner signer, Clock clock,
			MagicLinkProperties properties) {
		return new MagicLinkTokens(store, signer, clock, properties.getTokenTtl());
	}

	@Bean
	@ConditionalOnMissingBean
	MagicLinkMessages powMagicLinkMessages(MessageSource messageSource) {
		return new MagicLinkMessages(messageSource);
	}

	@Bean
	@ConditionalOnMissingBean
	MagicLinkMails powMagicLinkMails(PowMailTemplates templates, PowMailDelivery delivery, PowUrls urls,
			PowRoutes routes) {
		return new MagicLinkMails(templates, delivery, urls, routes);
	}

	@Bean
	@ConditionalOnBean(PowThrottle.class)
	@ConditionalOnMissingBean(name = "powMagicLinkThrottle")
	RequestThrottle powMagicLinkThrottle(PowThrottle throttle, ClientAddresses addresses,
			MagicLinkProperties properties) {
		MagicLinkProperties.Throttle limits = properties.getThrottle();
		return new RequestThrottle(throttle, addresses, "magic_link", limits.getPerTarget(), limits.getPerAddress());
	}

	@Bean
	@ConditionalOnMissingBean
	MagicLinkRequests powMagicLinkRequests(PowUsersService users, MagicLinkTokens tokens, MagicLinkMails mails,
			@Qualifier("powMagicLinkThrottle") ObjectProvider<RequestThrottle> requestThrottle) {
		return new MagicLinkRequests(users, tokens, mails, requestThrottle.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	MagicLinkController powMagicLinkController(PowControllerSupport.Collaborators collaborators,
			MagicLinkRequests requests, MagicLinkTokens tokens, MagicLinkMessages messages,
			ObjectProvider<EmailConfirmationOperations> confirmations, PowProperties powProperties) {
		if (!collaborators.users().storesEmails()) {
			throw new PowConfigurationException("Magic links are mailed to the user's email, but users sign in with "
					+ powProperties.getUserIdField().column() + " and have no email column.",
					"Let the user entity extend PowUsernameUser, or set pow.magic-link.enabled=false.");
		}
		return new MagicLinkController(collaborators, requests, tokens, messages, confirmations.getIfAvailable(),
				powProperties.isPreventUserEnumeration());
	}

}
