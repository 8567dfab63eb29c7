package dev.powspring.realm;

import java.util.List;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.mail.mailbox.MailboxController;
import dev.powspring.user.UserIdField;
import dev.powspring.user.defaults.email.DefaultEmailUser;
import dev.powspring.user.defaults.username.DefaultUsernameUser;
import dev.powspring.web.PowController;
import jakarta.servlet.ServletContext;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Creates the application context of a realm: a child of the application's that runs
 * Pow's auto-configuration afresh with the realm's settings (see {@link RealmEnvironment})
 * and its own database plumbing (see {@link RealmDatabase}), so that every one of Pow's
 * beans, the extensions' included, exists once per realm.
 */
final class RealmContexts {

	static final String HANDLER_MAPPING_BEAN_NAME = "requestMappingHandlerMapping";

	private RealmContexts() {
	}

	static GenericWebApplicationContext create(PowRealm realm, RealmSettings settings,
			ConfigurableApplicationContext application, ServletContext servletContext,
			List<PowRealmCustomizer> customizers) {
		ConfigurableEnvironment environment = RealmEnvironment.create(application.getEnvironment(), realm.name());
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory(
				RealmParentBeanFactory.of(application.getBeanFactory()));
		GenericWebApplicationContext context = new GenericWebApplicationContext(beanFactory, servletContext);
		context.setId(application.getId() + ":realm:" + realm.name());
		context.setDisplayName("Pow realm '" + realm.name() + "'");
		context.setEnvironment(environment);
		context.setClassLoader(application.getClassLoader());
		AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
		context.registerBean(PowRealm.class, () -> realm);
		context.registerBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, AbstractMessageSource.class,
				() -> messages(settings.messages(), application));
		DataSource dataSource = application.getBeanProvider(DataSource.class).getIfUnique();
		if (dataSource != null) {
			RealmDatabase.register(context, dataSource, realm.schema(), userClass(settings, environment));
		}
		context.registerBean(HANDLER_MAPPING_BEAN_NAME, RequestMappingHandlerMapping.class,
				() -> handlerMapping(realm));
		context.registerBean(RealmAutoConfigurations.class);
		// The realm's auth events reach the application's listeners too, as in a child
		// context; Pow's own listeners there act on their own realm's events only.
		context.addApplicationListener((ApplicationListener<ApplicationEvent>) (event) -> {
			if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof PowAuthEvent auth) {
				application.publishEvent(auth);
			}
		});
		customizers.forEach((customizer) -> customizer.customize(realm, context));
		return context;
	}

	/**
	 * A bundle with the realm's messages only, for the application's message source to
	 * consult first on the realm's requests.
	 */
	static AbstractMessageSource bundle(String basename, ClassLoader classLoader) {
		if (classLoader.getResource(basename + ".properties") == null) {
			// None of its own: nothing to look up, and no warning on every message.
			return new StaticMessageSource();
		}
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasename(basename);
		bundle.setBeanClassLoader(classLoader);
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		return bundle;
	}

	private static AbstractMessageSource messages(String basename, ConfigurableApplicationContext application) {
		AbstractMessageSource messages = bundle(basename, application.getClassLoader());
		messages.setParentMessageSource(application);
		return messages;
	}

	private static String userClass(RealmSettings settings, ConfigurableEnvironment environment) {
		if (StringUtils.hasText(settings.userClass())) {
			return settings.userClass();
		}
		UserIdField field = Binder.get(environment).bind("pow.user-id-field", UserIdField.class).orElse(UserIdField.EMAIL);
		return ClassUtils.getQualifiedName(
				(field == UserIdField.USERNAME) ? DefaultUsernameUser.class : DefaultEmailUser.class);
	}

	// Pow's controllers of the realm, under its prefix; the development mailbox stays
	// the application's.
	private static RequestMappingHandlerMapping handlerMapping(PowRealm realm) {
		RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
		Predicate<Class<?>> mounted = (type) -> AnnotatedElementUtils.hasAnnotation(type, PowController.class)
				&& !MailboxController.class.isAssignableFrom(type);
		mapping.setPathPrefixes(java.util.Map.of(realm.prefix(), mounted));
		return mapping;
	}

	/**
	 * What a realm declares beyond the settings it overrides.
	 *
	 * @param userClass its user entity, or empty for Pow's default one
	 * @param messages the base name of its message bundle
	 * @param templates its template directory
	 */
	record RealmSettings(String userClass, String messages, String templates) {

	}

}
