package dev.powspring.admin;

import java.time.Clock;

import dev.powspring.audit.PowAuditTrail;
import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowConfigurationException;
import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.autoconfigure.PowTenancyMode;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.messages.PowMessageBundle;
import dev.powspring.migration.PowMigrationLocations;
import dev.powspring.session.PowSessionManager;
import dev.powspring.user.EmailConfirmationOperations;
import dev.powspring.user.TwoFactorOperations;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserIdField;
import dev.powspring.web.PowPageContributions;
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
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for the admin console: on when this module is on the classpath, off with
 * {@code pow.admin.console.enabled=false}.
 */
@AutoConfiguration(after = PowAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "pow.admin.console.enabled", matchIfMissing = true)
@ConditionalOnClass(JdbcClient.class)
@EnableConfigurationProperties(AdminProperties.class)
@Import(AdminAutoConfiguration.Web.class)
public class AdminAutoConfiguration {

	/** Basename of the extension's message bundle. */
	public static final String MESSAGES_BASENAME = "dev/powspring/admin/messages";

	/** Flyway location of the extension's migration. */
	public static final String MIGRATION_LOCATION = "classpath:db/pow/migration/admin";

	@Bean
	static PowMessageBundle powAdminMessageBundle() {
		return new PowMessageBundle(MESSAGES_BASENAME);
	}

	@Bean
	PowMigrationLocations powAdminMigrationLocations() {
		return PowMigrationLocations.of(MIGRATION_LOCATION);
	}

	/**
	 * The console's services and pages.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBean({ PowUsersService.class, PowSessionManager.class })
	static class Web {

		@Bean
		@ConditionalOnMissingBean
		AdminUserDirectory powAdminUserDirectory(JdbcClient jdbc, PowProperties powProperties, PowUsersService users,
				AdminProperties properties, PowSessionManager sessions,
				ObjectProvider<EmailConfirmationOperations> confirmations,
				ObjectProvider<TwoFactorOperations> twoFactor) {
			if (properties.getPageSize() < 1) {
				throw new PowConfigurationException("pow.admin.console.page-size is " + properties.getPageSize()
						+ "; a page shows at least one user.", "Set pow.admin.console.page-size to 1 or more (default 50).");
			}
			UserIdField userIdField = powProperties.getUserIdField();
			AdminUserDirectory directory = new AdminUserDirectory(jdbc, userIdField.column(),
					userIdField == UserIdField.USERNAME && users.storesEmails(), properties.getPageSize());
			directory.setSessions(sessions);
			directory.setTenantScoped(powProperties.getTenancy().getMode() == PowTenancyMode.COLUMN);
			directory.setConfirmations(confirmations.getIfAvailable());
			directory.setTwoFactor(twoFactor.getIfAvailable());
			return directory;
		}

		@Bean
		@ConditionalOnMissingBean
		AdminUserActions powAdminUserActions(PowUsersService users, PowSessionManager sessions, JdbcClient jdbc,
				PlatformTransactionManager transactionManager, ApplicationEventPublisher events, Clock clock,
				ObjectProvider<EmailConfirmationOperations> confirmations, ObjectProvider<TwoFactorOperations> twoFactor,
				PowProperties powProperties, ObjectProvider<PowAuthEvents> authEvents) {
			AdminUserActions actions = new AdminUserActions(users, sessions, jdbc, transactionManager, events, clock);
			actions.setTenantScoped(powProperties.getTenancy().getMode() == PowTenancyMode.COLUMN);
			actions.setConfirmations(confirmations.getIfAvailable());
			actions.setTwoFactor(twoFactor.getIfAvailable());
			authEvents.ifAvailable(actions::setAuthEvents);
			return actions;
		}

		@Bean
		@ConditionalOnMissingBean
		AdminMessages powAdminMessages(MessageSource messageSource) {
			return new AdminMessages(messageSource);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(PowControllerSupport.Collaborators.class)
		AdminController powAdminController(PowControllerSupport.Collaborators collaborators,
				AdminUserDirectory directory, AdminUserActions actions, AdminMessages messages,
				ObjectProvider<EmailConfirmationOperations> confirmations, ObjectProvider<PowAuditTrail> auditTrail) {
			AdminController controller = new AdminController(collaborators, directory, actions, messages,
					confirmations.getIfAvailable() != null);
			auditTrail.ifAvailable(controller::setAuditTrail);
			return controller;
		}

		@Bean
		PowPageContributions.Contribution powAdminNavLink() {
			return new PowPageContributions.Contribution(PowPageContributions.NAV_LINKS, "pow/admin/fragments",
					"nav-link");
		}

	}

}
