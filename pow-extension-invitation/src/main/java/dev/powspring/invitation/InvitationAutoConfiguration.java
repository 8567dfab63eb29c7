package dev.powspring.invitation;

import java.time.Clock;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.messages.PowMessageBundle;
import dev.powspring.migration.PowMigrationLocations;
import dev.powspring.throttle.ClientAddresses;
import dev.powspring.throttle.PowThrottle;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.token.TokenSigner;
import dev.powspring.web.PowUrls;
import dev.powspring.web.controller.PowControllerSupport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for invitations: on when this module is on the classpath, off with
 * {@code pow.invitation.enabled=false}.
 */
@AutoConfiguration(after = PowAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "pow.invitation.enabled", matchIfMissing = true)
@ConditionalOnClass(JdbcClient.class)
@EnableConfigurationProperties(InvitationProperties.class)
public class InvitationAutoConfiguration {

	/** Basename of the extension's message bundle. */
	public static final String MESSAGES_BASENAME = "dev/powspring/invitation/messages";

	/** Flyway location of the extension's migration. */
	public static final String MIGRATION_LOCATION = "classpath:db/pow/migration/invitation";

	@Bean
	static PowMessageBundle powInvitationMessageBundle() {
		return new PowMessageBundle(MESSAGES_BASENAME);
	}

	@Bean
	PowMigrationLocations powInvitationMigrationLocations() {
		return PowMigrationLocations.of(MIGRATION_LOCATION);
	}

	@Bean
	@ConditionalOnMissingBean
	Invitations powInvitations(JdbcClient jdbc, TokenSigner signer, Clock clock, InvitationProperties properties,
			PowProperties powProperties) {
		return new Invitations(jdbc, signer, clock, properties.getTokenTtl(), powProperties.getUserIdField().column());
	}

	@Bean
	@ConditionalOnMissingBean
	InvitationPolicy powInvitationPolicy() {
		return (inviter) -> true;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	InvitationMessages powInvitationMessages(MessageSource messageSource) {
		return new InvitationMessages(messageSource);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(PowMailDelivery.class)
	InvitationMails powInvitationMails(PowMailTemplates templates, PowMailDelivery delivery) {
		return new InvitationMails(templates, delivery);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBean({ PowControllerSupport.Collaborators.class, PowMailDelivery.class })
	InvitationController powInvitationController(PowControllerSupport.Collaborators collaborators,
			Invitations invitations, InvitationPolicy policy, InvitationMails mails, InvitationMessages messages,
			PowUrls urls, ApplicationEventPublisher events, PowAuthEvents authEvents, PowProperties powProperties,
			ObjectProvider<PowThrottle> throttle, ObjectProvider<ClientAddresses> addresses) {
		InvitationController controller = new InvitationController(collaborators, invitations, policy, mails,
				messages, urls, events, authEvents, powProperties.isPreventUserEnumeration());
		throttle.ifAvailable((available) -> controller.setThrottle(new RequestThrottle(available,
				addresses.getObject(), "invitation", powProperties.getThrottle().getInvitationPerTarget(),
				powProperties.getThrottle().getInvitationPerAddress())));
		return controller;
	}

}
