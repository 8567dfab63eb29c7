package dev.powspring.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.powspring.mail.mailbox.MailboxController;
import dev.powspring.realm.PowRealm;
import dev.powspring.realm.RealmDispatchingInterceptor;
import dev.powspring.session.CurrentUserArgumentResolver;
import dev.powspring.session.PowRequestAuthenticator;
import dev.powspring.session.PowSessionFilter;
import dev.powspring.audit.PowAuditTrail;
import dev.powspring.device.DevicesController;
import dev.powspring.device.PowDevices;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.PowSessionRestorer;
import dev.powspring.store.PowStoreUnavailableException;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.JpaPowUsersService;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserIdField;
import dev.powspring.web.PowController;
import dev.powspring.web.PowCookies;
import dev.powspring.web.PowMessages;
import dev.powspring.web.PowPageContributions;
import dev.powspring.web.PowPageSettingsInterceptor;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.PowSecurityHeadersInterceptor;
import dev.powspring.web.PowUrls;
import dev.powspring.web.callback.LockedAccountCallback;
import dev.powspring.web.callback.PowControllerCallback;
import dev.powspring.web.callback.PowControllerCallbacks;
import dev.powspring.web.controller.PowControllerSupport;
import dev.powspring.web.controller.RegistrationController;
import dev.powspring.web.controller.SessionController;
import dev.powspring.web.csrf.CsrfInterceptor;
import dev.powspring.web.csrf.PowCsrf;
import dev.powspring.web.flash.SignedCookieFlashMapManager;
import dev.powspring.web.guard.DefaultPowAuthErrorHandler;
import dev.powspring.web.guard.PowAuthErrorHandler;
import dev.powspring.web.guard.PowGuardInterceptor;
import dev.powspring.web.guard.SignedInCheck;
import io.micrometer.observation.ObservationRegistry;
import jakarta.persistence.PersistenceException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.filter.OrderedHiddenHttpMethodFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.HiddenHttpMethodFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Pow's web layer: the session filter, guards, CSRF, flash messages, routes, messages,
 * the callback chain and the controllers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(PowUsersService.class)
class PowWebConfiguration {

	private static final Log logger = LogFactory.getLog(PowWebConfiguration.class);

	// Early, so the user is known to every later filter; after request wrappers such as the
	// method override.
	static final int SESSION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	@Bean
	FilterRegistrationBean<PowSessionFilter> powSessionFilter(PowSessionManager sessions,
			ObjectProvider<PowSessionRestorer> restorers, ObjectProvider<PowRequestAuthenticator> authenticators,
			PowUsersService users, PowProperties properties, ObjectProvider<PowRealm> realm) {
		PowSessionFilter filter = new PowSessionFilter(sessions, restorers.orderedStream().toList());
		realm.ifAvailable((own) -> filter.setRealm(own.name()));
		filter.setAuthenticators(authenticators.orderedStream().toList());
		if (properties.getSession().isReloadUser()) {
			filter.setUserReloader((id) -> reload(users, id));
		}
		FilterRegistrationBean<PowSessionFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SESSION_FILTER_ORDER);
		return registration;
	}

	// A database that cannot answer is an outage: 503, as when the store cannot.
	private static Optional<PowUser> reload(PowUsersService users, Long id) {
		try {
			return users.getById(id);
		}
		catch (DataAccessException | PersistenceException ex) {
			throw new PowStoreUnavailableException("Cannot reload the signed-in user", ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean(HiddenHttpMethodFilter.class)
	OrderedHiddenHttpMethodFilter powHiddenHttpMethodFilter() {
		return new OrderedHiddenHttpMethodFilter();
	}

	@Bean(name = DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	@ConditionalOnMissingBean(name = DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager(TokenSigner signer, Clock clock, PowProperties properties) {
		SignedCookieFlashMapManager flashMapManager = new SignedCookieFlashMapManager(signer, clock);
		flashMapManager.setCookieName(properties.getFlash().getCookieName());
		return flashMapManager;
	}

	@Bean
	@ConditionalOnMissingBean
	PowCsrf powCsrf(TokenSigner signer, PowProperties properties, PowSessionManager sessions) {
		return new PowCsrf(signer, properties.getCsrf().cookie(), sessions);
	}

	@Bean
	ServletContextInitializer powCookiesInitializer(PowProperties properties) {
		return (servletContext) -> servletContext.setAttribute(PowCookies.HOST_PREFIX_ATTRIBUTE,
				properties.isHostPrefixedCookies());
	}

	@Bean
	@ConditionalOnMissingBean
	PowUrls powUrls(PowProperties properties, ObjectProvider<PowRealm> realm) {
		// A realm inherits the base URL, and the default realm has warned about it.
		if (!StringUtils.hasText(properties.getBaseUrl()) && realm.getIfAvailable() == null) {
			logger.warn("pow.base-url is not set: links in mails are built from the request, and only for loopback "
					+ "hosts and those in pow.allowed-hosts " + properties.getAllowedHosts()
					+ "; mails asked for through any other host are not sent. Set pow.base-url to the "
					+ "application's public URL in production.");
		}
		return new PowUrls(properties.getBaseUrl(), properties.getAllowedHosts());
	}

	@Bean
	@ConditionalOnMissingBean
	PowRoutes powRoutes() {
		return new PowRoutes();
	}

	@Bean
	@ConditionalOnMissingBean
	PowMessages powMessages(MessageSource messageSource) {
		return new PowMessages(messageSource);
	}

	@Bean
	@ConditionalOnMissingBean(PowAuthErrorHandler.class)
	DefaultPowAuthErrorHandler powAuthErrorHandler(PowRoutes routes, PowMessages messages,
			MessageSource messageSource) {
		return new DefaultPowAuthErrorHandler(routes, messages, messageSource);
	}

	@Bean
	@ConditionalOnMissingBean
	LockedAccountCallback powLockedAccountCallback(MessageSource messageSource, PowRoutes routes) {
		return new LockedAccountCallback(messageSource, routes);
	}

	@Bean
	@ConditionalOnMissingBean
	PowControllerCallbacks powControllerCallbacks(ObjectProvider<PowControllerCallback> callbacks) {
		return new PowControllerCallbacks(callbacks.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	PowPageContributions powPageContributions(ObjectProvider<PowPageContributions.Contribution> contributions) {
		return new PowPageContributions(contributions.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	PowControllerSupport.Collaborators powControllerCollaborators(PowUsersService users, PowSessionManager sessions,
			PowRoutes routes, PowMessages messages, PowControllerCallbacks callbacks, PowProperties properties,
			PowPageContributions contributions, ObjectProvider<SignInThrottle> signInThrottle,
			MessageSource messageSource, PowAuthEvents events, ObjectProvider<ObservationRegistry> observations) {
		return new PowControllerSupport.Collaborators(users, sessions, routes, messages, callbacks,
				properties.getUserIdField(), contributions, signInThrottle.getIfAvailable(), messageSource, events,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	SessionController powSessionController(PowControllerSupport.Collaborators collaborators) {
		return new SessionController(collaborators);
	}

	@Bean
	@ConditionalOnMissingBean
	RegistrationController powRegistrationController(PowControllerSupport.Collaborators collaborators,
			PowProperties properties, PowUsersService users) {
		RegistrationController controller = new RegistrationController(collaborators, formFields(properties, users));
		controller.setSignUpEnabled(properties.getRegistration().isEnabled());
		if (users instanceof JpaPowUsersService jpa) {
			controller.setUserClass(jpa.getUserClass());
		}
		return controller;
	}

	/**
	 * The devices page, linked from the account page.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "pow.devices.enabled", havingValue = "true", matchIfMissing = true)
	static class Devices {

		@Bean
		@ConditionalOnMissingBean
		DevicesController powDevicesController(PowControllerSupport.Collaborators collaborators, PowDevices devices,
				ObjectProvider<PowAuditTrail> auditTrail, PowProperties properties) {
			return new DevicesController(collaborators, devices, auditTrail.getIfAvailable(),
					properties.getDevices().getRecentActivity());
		}

		@Bean
		@Order(0)
		PowPageContributions.Contribution powDevicesAccountSection() {
			return new PowPageContributions.Contribution(PowPageContributions.ACCOUNT_SECTIONS,
					"pow/registration/sessions", "account-section");
		}

	}

	@Bean
	PowGuardInterceptor powGuardInterceptor(PowAuthErrorHandler errorHandler, PowProperties properties,
			ObjectProvider<SignedInCheck> signedInCheck) {
		PowGuardInterceptor guards = new PowGuardInterceptor(properties.getGuards().getAuthenticatedPaths(),
				properties.getGuards().getNotAuthenticatedPaths(), errorHandler,
				signedInCheck.getIfAvailable(() -> SignedInCheck.POW_USER));
		guards.setRolePaths(properties.getGuards().getRolePaths());
		return guards;
	}

	@Bean
	WebMvcConfigurer powWebMvcConfigurer(PowCsrf csrf, PowGuardInterceptor guards, PowProperties properties,
			PowRoutes routes, PowPageContributions contributions,
			ObjectProvider<RealmDispatchingInterceptor> realmDispatching) {
		return new WebMvcConfigurer() {

			@Override
			public void configurePathMatch(PathMatchConfigurer configurer) {
				if (!routes.prefix().isEmpty()) {
					configurer.addPathPrefix(routes.prefix(), PowWebConfiguration::isMountedUnderPrefix);
				}
			}

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				RealmDispatchingInterceptor realms = realmDispatching.getIfAvailable();
				if (realms != null) {
					// Each request gets the interceptors of its realm, this context's among them.
					registry.addInterceptor(realms).order(Ordered.HIGHEST_PRECEDENCE);
					return;
				}
				int order = Ordered.HIGHEST_PRECEDENCE;
				for (HandlerInterceptor interceptor : interceptors(csrf, guards, properties, routes, contributions)) {
					registry.addInterceptor(interceptor).order(order++);
				}
			}

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CurrentUserArgumentResolver());
			}

		};
	}

	// Pow's interceptors, in the order they run: CSRF, guards, headers, page settings.
	static List<HandlerInterceptor> interceptors(PowCsrf csrf, PowGuardInterceptor guards, PowProperties properties,
			PowRoutes routes, PowPageContributions contributions) {
		return List.of(new CsrfInterceptor(csrf, properties.getBaseUrl()), guards,
				new PowSecurityHeadersInterceptor(), new PowPageSettingsInterceptor(
						properties.getRegistration().isEnabled(), properties.getCurrentUserAttribute(), routes,
						contributions));
	}

	// The application's own fields, after the email address of users who sign in by user
	// name when they have one.
	private static List<String> formFields(PowProperties properties, PowUsersService users) {
		List<String> fields = new ArrayList<>(properties.getUserFields());
		if (properties.getUserIdField() == UserIdField.USERNAME && users.storesEmails() && !fields.contains("email")) {
			fields.add(0, "email");
		}
		return fields;
	}

	// Pow's controllers and an application's subclasses of them; the development mailbox
	// is a tool, not one of Pow's routes, and stays at /dev/mailbox.
	private static boolean isMountedUnderPrefix(Class<?> controllerType) {
		return AnnotatedElementUtils.hasAnnotation(controllerType, PowController.class)
				&& !MailboxController.class.isAssignableFrom(controllerType);
	}

}
