package dev.powspring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.powspring.realm.PowRealm;
import dev.powspring.realm.PowRealmCustomizer;
import dev.powspring.realm.PowRealmFilter;
import dev.powspring.realm.PowRealms;
import dev.powspring.realm.PowRealmsHandlerMapping;
import dev.powspring.realm.RealmDispatchingInterceptor;
import dev.powspring.web.PowPageContributions;
import dev.powspring.web.PowRoutes;
import dev.powspring.web.csrf.PowCsrf;
import dev.powspring.web.guard.PowGuardInterceptor;
import jakarta.servlet.ServletContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The realms declared under {@code pow.realms}: each one's context, and the web layer
 * handing each request to its realm. Only in the application's context, never in a
 * realm's own.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PowRealmsConfiguration.RealmsDeclared.class)
@ConditionalOnMissingBean(PowRealm.class)
class PowRealmsConfiguration {

	@Bean
	PowRealms powRealms(ConfigurableApplicationContext application, PowProperties properties,
			ObjectProvider<ServletContext> servletContext, ObjectProvider<PowRealmCustomizer> customizers) {
		// A realm that sets none of the realm-only settings is declared all the same.
		Map<String, PowProperties.Realm> realms = new LinkedHashMap<>();
		for (String name : realmNames(application.getEnvironment())) {
			realms.put(name, properties.getRealms().getOrDefault(name, new PowProperties.Realm()));
		}
		return new PowRealms(application, realms, servletContext, customizers);
	}

	/**
	 * Keeps the realms' user entities out of the application's persistence unit: each
	 * lives in its realm's, over the realm's schema.
	 * @param environment the application's environment
	 * @return the post-processor
	 */
	@Bean
	@ConditionalOnClass(PersistenceManagedTypes.class)
	static BeanPostProcessor powRealmEntitiesOutOfApplication(Environment environment) {
		Set<String> realmEntities = realmUserClasses(environment);
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof PersistenceManagedTypes types && types.getManagedClassNames()
					.stream()
					.anyMatch(realmEntities::contains)) {
					List<String> classNames = types.getManagedClassNames()
						.stream()
						.filter((name) -> !realmEntities.contains(name))
						.toList();
					return PersistenceManagedTypes.of(classNames, types.getManagedPackages());
				}
				return bean;
			}

		};
	}

	static Set<String> realmUserClasses(Environment environment) {
		return Binder.get(environment)
			.bind("pow.realms", Bindable.mapOf(String.class, PowProperties.Realm.class))
			.orElseGet(Map::of)
			.values()
			.stream()
			.map(PowProperties.Realm::getUserClass)
			.filter((name) -> name != null && !name.isBlank())
			.collect(java.util.stream.Collectors.toSet());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	@ConditionalOnBean(PowCsrf.class)
	static class Web {

		@Bean
		FilterRegistrationBean<PowRealmFilter> powRealmFilter(PowRealms realms) {
			FilterRegistrationBean<PowRealmFilter> registration = new FilterRegistrationBean<>(
					new PowRealmFilter(realms));
			registration.setOrder(PowWebConfiguration.SESSION_FILTER_ORDER - 1);
			return registration;
		}

		@Bean
		RealmDispatchingInterceptor powRealmDispatchingInterceptor(PowRealms realms, PowCsrf csrf,
				PowGuardInterceptor guards, PowProperties properties, PowRoutes routes,
				PowPageContributions contributions) {
			return new RealmDispatchingInterceptor(
					List.copyOf(PowWebConfiguration.interceptors(csrf, guards, properties, routes, contributions)),
					realms);
		}

		@Bean
		PowRealmsHandlerMapping powRealmsHandlerMapping(PowRealms realms,
				RealmDispatchingInterceptor powRealmDispatchingInterceptor) {
			return new PowRealmsHandlerMapping(realms, powRealmDispatchingInterceptor);
		}

	}

	static boolean declaresRealms(Environment environment) {
		return !realmNames(environment).isEmpty();
	}

	// Every name under pow.realms, whatever it sets.
	static Set<String> realmNames(Environment environment) {
		return Binder.get(environment)
			.bind("pow.realms", Bindable.mapOf(String.class, Object.class))
			.orElseGet(Map::of)
			.keySet();
	}

	static class RealmsDeclared extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return declaresRealms(context.getEnvironment()) ? ConditionOutcome.match("pow.realms declares realms")
					: ConditionOutcome.noMatch("pow.realms declares no realm");
		}

	}

}
