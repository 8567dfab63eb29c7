package dev.powspring.emailconfirmation;

import java.time.Clock;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowConfigurationException;
import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.messages.PowMessageBundle;
import dev.powspring.migration.PowMigrationLocations;
import dev.powspring.session.PowSessionManager;
import dev.powspring.throttle.ClientAddresses;
import dev.powspring.throttle.PowThrottle;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.EmailConfirmationOperations;
import dev.powspring.user.EmailVerifiedEvent;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserIdField;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.controller.PowControllerSupport;
import dev.powspring.web.PowUrls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for email confirmation: on when this module is on the classpath, off with
 * {@code pow.email-confirmation.enabled=false}.
 */
@AutoConfiguration(after = PowAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "pow.email-confirmation.enabled", matchIfMissing = true)
@ConditionalOnClass(JdbcClient.class)
@EnableConfigurationProperties(EmailConfirmationProperties.class)
@Import(EmailConfirmationAutoConfiguration.Web.class)
public class EmailConfirmationAutoConfiguration {

	/** Basename of the extension's message bundle. */
	public static final String MESSAGES_BASENAME = "dev/powspring/emailconfirmation/messages";

	/** Flyway location of the extension's migration. */
	public static final String MIGRATION_LOCATION = "classpath:db/pow/migration/email_confirmation";

	@Bean
	static PowMessageBundle powEmailConfirmationMessageBundle() {
		return new PowMessageBundle(MESSAGES_BASENAME);
	}

	@Bean
	PowMigrationLocations powEmailConfirmationMigrationLocations() {
		return PowMigrationLocations.of(MIGRATION_LOCATION);
	}

	@Bean
	@ConditionalOnMissingBean
	EmailConfirmations powEmailConfirmations(JdbcClient jdbc, TokenSigner signer, Clock clock,
			EmailConfirmationProperties properties, PowProperties powProperties, PowUsersService users) {
		if (!users.storesEmails()) {
			throw new PowConfigurationException("Email confirmation confirms the users' email, but users sign in "
					+ "with " + powProperties.getUserIdField().column() + " and have no email column.",
					"Let the user entity extend PowUsernameUser, or set pow.email-confirmation.enabled=false.");
		}
		return new EmailConfirmations(jdbc, signer, clock, properties.getTokenTtl());
	}

	@Bean
	@ConditionalOnMissingBean
	EmailConfirmationSignInGuard powEmailConfirmationSignInGuard(EmailConfirmations confirmations) {
		return new EmailConfirmationSignInGuard(confirmations);
	}

	// No auth event: the flow that verified the address publishes its own (an invitation's
	// acceptance), and a confirmation there is part of it.
	@Bean
	ApplicationListener<EmailVerifiedEvent> powEmailConfirmationOnVerifiedEmail(EmailConfirmations confirmations) {
		return (event) -> confirmations.markConfirmed(event.getUserId(), event.getEmail());
	}

	/**
	 * The pages, mails and controller callback.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBean({ PowUsersService.class, PowSessionManager.class, PowMailDelivery.class })
	static class Web {

		@Bean
		@ConditionalOnMissingBean
		EmailConfirmationMessages powEmailConfirmationMessages(MessageSource messageSource) {
			return new EmailConfirmationMessages(messageSource);
		}

		@Bean
		@ConditionalOnMissingBean
		EmailConfirmationMails powEmailConfirmationMails(PowMailTemplates templates, PowMailDelivery delivery,
				PowUrls urls, PowRoutes routes) {
			return new EmailConfirmationMails(templates, delivery, urls, routes);
		}

		@Bean
		@ConditionalOnMissingBean
		EmailConfirmationCallback powEmailConfirmationCallback(EmailConfirmations confirmations,
				EmailConfirmationMails mails, EmailConfirmationMessages messages, PowRoutes routes,
				PowProperties powProperties, PowUsersService users) {
			return new EmailConfirmationCallback(confirmations, mails, messages, routes,
					powProperties.isPreventUserEnumeration(), users,
					powProperties.getUserIdField() == UserIdField.EMAIL);
		}

		@Bean
		@ConditionalOnMissingBean
		EmailConfirmationReminder powEmailConfirmationReminder(EmailConfirmations confirmations,
				EmailConfirmationOperations operations, PowUsersService users, PowProperties powProperties,
				ObjectProvider<PowThrottle> throttle, ObjectProvider<ClientAddresses> addresses) {
			EmailConfirmationReminder reminder = new EmailConfirmationReminder(confirmations, operations, users);
			throttle.ifAvailable((available) -> reminder.setThrottle(new RequestThrottle(available,
					addresses.getObject(), "email_confirmation", powProperties.getThrottle().getConfirmationPerTarget(),
					powProperties.getThrottle().getConfirmationPerAddress())));
			return reminder;
		}

		@Bean
		@ConditionalOnMissingBean(EmailConfirmationOperations.class)
		DefaultEmailConfirmationOperations powEmailConfirmationOperations(EmailConfirmations confirmations,
				EmailConfirmationMails mails, PowUsersService users, PowAuthEvents events) {
			return new DefaultEmailConfirmationOperations(confirmations, mails, users, events);
		}

		@Bean
		@ConditionalOnMissingBean
		EmailConfirmationController powEmailConfirmationController(PowControllerSupport.Collaborators collaborators,
				EmailConfirmations confirmations, EmailConfirmationMessages messages, PowAuthEvents events) {
			return new EmailConfirmationController(collaborators, confirmations, messages, events);
		}

	}

}
