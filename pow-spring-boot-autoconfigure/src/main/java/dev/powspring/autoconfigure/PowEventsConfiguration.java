package dev.powspring.autoconfigure;

import java.time.Clock;

import dev.powspring.audit.JdbcPowAuditTrail;
import dev.powspring.audit.PowAuditPruner;
import dev.powspring.audit.PowAuditRecorder;
import dev.powspring.audit.PowAuditTrail;
import dev.powspring.device.PowDeviceSource;
import dev.powspring.device.PowDevices;
import dev.powspring.device.WebSessionDevices;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.mail.PowMailDelivery;
import dev.powspring.mail.PowMailTemplates;
import dev.powspring.migration.PowMigrationLocations;
import dev.powspring.notification.PowNotificationMails;
import dev.powspring.realm.PowRealm;
import dev.powspring.session.PowSessionManager;
import dev.powspring.throttle.ClientAddresses;
import dev.powspring.user.PowUsersService;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.PowUrls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

/**
 * Auth events, the audit trail that keeps them, and the devices a user is signed in on.
 */
@Configuration(proxyBeanMethods = false)
class PowEventsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PowAuthEvents powAuthEvents(ApplicationEventPublisher publisher, ObjectProvider<ClientAddresses> clientAddresses,
			Clock clock, PowProperties properties, ObjectProvider<PowRealm> realm) {
		return new PowAuthEvents(publisher,
				clientAddresses
					.getIfAvailable(() -> new ClientAddresses(properties.getThrottle().getClientAddressHeader())),
				clock, realmName(realm.getIfUnique()));
	}

	private static String realmName(PowRealm realm) {
		return (realm != null) ? realm.name() : PowRealm.DEFAULT;
	}

	@Bean
	@ConditionalOnBean(PowSessionManager.class)
	@ConditionalOnMissingBean
	WebSessionDevices powWebSessionDevices(PowSessionManager sessions) {
		return new WebSessionDevices(sessions);
	}

	@Bean
	@ConditionalOnBean(PowSessionManager.class)
	@ConditionalOnMissingBean
	PowDevices powDevices(ObjectProvider<PowDeviceSource> sources, PowSessionManager sessions,
			PowAuthEvents events) {
		return new PowDevices(sources.orderedStream().toList(), sessions, events);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "pow.audit.enabled", havingValue = "true")
	static class Audit {

		static final String MIGRATION_LOCATION = "classpath:db/pow/migration/audit";

		@Bean
		PowMigrationLocations powAuditMigrationLocations() {
			return PowMigrationLocations.of(MIGRATION_LOCATION);
		}

		@Bean
		@ConditionalOnMissingBean
		PowAuditTrail powAuditTrail(ObjectProvider<JdbcClient> jdbc, Clock clock, PowProperties properties) {
			JdbcClient client = jdbc.getIfAvailable();
			if (client == null) {
				throw new PowConfigurationException("pow.audit.enabled=true keeps auth events in the application's "
						+ "database, but no DataSource is configured.", "Set spring.datasource.* (and add the JDBC "
								+ "driver), declare a PowAuditTrail bean of your own, or set pow.audit.enabled=false.");
			}
			PowProperties.Audit audit = properties.getAudit();
			return new JdbcPowAuditTrail(client, clock, audit.getRetention(), audit.getPruneBatchSize());
		}

		@Bean
		@ConditionalOnMissingBean
		PowAuditRecorder powAuditRecorder(PowAuditTrail trail, PowAuthEvents events) {
			return new PowAuditRecorder(trail, events.realm());
		}

		@Bean
		@ConditionalOnMissingBean
		PowAuditPruner powAuditPruner(PowAuditTrail trail, PowProperties properties) {
			return new PowAuditPruner(trail, properties.getAudit().getPruneInterval());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExpression("${pow.notifications.new-device:false} or ${pow.notifications.password-changed:false}")
	static class Notifications {

		private static final String RESET_PASSWORD_CONTROLLER = "dev.powspring.resetpassword.ResetPasswordController";

		@Bean
		@ConditionalOnMissingBean
		PowNotificationMails powNotificationMails(PowUsersService users, ObjectProvider<PowMailTemplates> templates,
				ObjectProvider<PowMailDelivery> delivery, PowUrls urls, PowRoutes routes, PowAuthEvents events,
				PowProperties properties) {
			if (delivery.getIfAvailable() == null || templates.getIfAvailable() == null) {
				throw new PowConfigurationException("pow.notifications.* mail users, but Pow's mail is not set up.",
						"Add spring-boot-starter-thymeleaf and configure mail (spring.mail.* or pow.mail.mailbox), "
								+ "or turn pow.notifications.* off.");
			}
			boolean resetPassword = ClassUtils.isPresent(RESET_PASSWORD_CONTROLLER, getClass().getClassLoader());
			PowProperties.Notifications notifications = properties.getNotifications();
			return new PowNotificationMails(users, templates.getObject(), delivery.getObject(), urls, routes,
					events.realm(), new PowNotificationMails.Settings(notifications.isNewDevice(),
							notifications.isPasswordChanged(), resetPassword ? "/reset-password/new" : "/session/new"));
		}

	}

}
