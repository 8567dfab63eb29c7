package dev.powspring.autoconfigure;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

import javax.sql.DataSource;

import dev.powspring.jdbc.SchemaSwitchingDataSource;
import dev.powspring.migration.PowMigrationLocations;
import dev.powspring.migration.PowMigrations;
import dev.powspring.realm.PowRealm;
import dev.powspring.store.PowStore;
import dev.powspring.tenant.HeaderTenantResolver;
import dev.powspring.tenant.PathPrefixTenantResolver;
import dev.powspring.tenant.PowSchemaConnectionProvider;
import dev.powspring.tenant.PowTenantContext;
import dev.powspring.tenant.PowTenantFilter;
import dev.powspring.tenant.PowTenantIdentifierResolver;
import dev.powspring.tenant.PowTenantResolver;
import dev.powspring.tenant.PowTenants;
import dev.powspring.tenant.SubdomainTenantResolver;
import dev.powspring.tenant.TenantSchemas;
import dev.powspring.tenant.TenantScopedPowStore;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.JpaPowUsersService;
import dev.powspring.user.PowUsersService;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Multitenancy ({@code pow.tenancy.mode} schema or column): the tenants, the resolver and
 * filter that give each request its tenant, and the scoping of the store, the database and
 * Hibernate to the current tenant.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PowTenancyConfiguration.TenancyOn.class)
@ConditionalOnMissingBean(PowRealm.class)
@ConditionalOnBean(DataSource.class)
class PowTenancyConfiguration {

	static final String COLUMN_LOCATION = "classpath:db/pow/migration/tenancy_column";

	// Before Spring Security and Pow's own filters: nothing runs for an unknown tenant.
	static final int TENANT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	PowMigrationLocations powTenancyMigrationLocations(PowProperties properties) {
		return (properties.getTenancy().getMode() == PowTenancyMode.COLUMN)
				? PowMigrationLocations.of(TenantSchemas.REGISTRY_LOCATION, COLUMN_LOCATION)
				: PowMigrationLocations.of(TenantSchemas.REGISTRY_LOCATION);
	}

	@Bean
	@ConditionalOnMissingBean
	PowTenants powTenants(DataSource dataSource, Clock clock, PowMigrations migrations, PowProperties properties,
			ObjectProvider<TenantSchemas> schemas) {
		return new PowTenants(applicationDataSource(dataSource), clock, migrations, schemas.getIfAvailable(),
				properties.getTenancy().getTenants());
	}

	@Bean
	@ConditionalOnMissingBean
	PowTenantResolver powTenantResolver(PowProperties properties) {
		PowProperties.Tenancy tenancy = properties.getTenancy();
		return switch (tenancy.getResolver()) {
			case SUBDOMAIN -> {
				if (tenancy.getDomain() == null || tenancy.getDomain().isBlank()) {
					throw new PowConfigurationException(
							"pow.tenancy.resolver is subdomain, but pow.tenancy.domain names no domain.",
							"Set pow.tenancy.domain to the domain whose subdomains are tenants, such as example.com.");
				}
				yield new SubdomainTenantResolver(tenancy.getDomain());
			}
			case HEADER -> new HeaderTenantResolver(tenancy.getHeaderName());
			case PATH -> new PathPrefixTenantResolver(tenancy.getPathPrefix());
		};
	}

	/**
	 * Sessions, tokens, user copies and throttle counters of one tenant stay out of reach
	 * of the others.
	 * @return the post-processor
	 */
	@Bean
	static BeanPostProcessor powTenantScopedStore() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof PowStore && !(bean instanceof TenantScopedPowStore))
						? TenantScopedPowStore.of(bean) : bean;
			}

		};
	}

	/**
	 * Every token Pow signs (sessions, CSRF, flash, links in mails) verifies only at the
	 * tenant it was signed for.
	 * @return the post-processor
	 */
	@Bean
	static BeanPostProcessor powTenantScopedTokens() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof TokenSigner signer)
						? signer.scopedBy(() -> PowTenantContext.current().orElse(null)) : bean;
			}

		};
	}

	@Bean
	SmartInitializingSingleton powTenantUserEntityCheck(PowProperties properties, PowUsersService users) {
		return () -> {
			if (properties.getTenancy().getMode() == PowTenancyMode.COLUMN && users instanceof JpaPowUsersService jpa
					&& !hasTenantId(jpa.getUserClass())) {
				throw new PowConfigurationException("pow.tenancy.mode is column, but the user entity "
						+ jpa.getUserClass().getName() + " has no tenant id.",
						"Extend dev.powspring.user.PowTenantUser (or PowTenantUsernameUser) instead of PowUser, "
								+ "or give the entity a field annotated with Hibernate's @TenantId mapped to "
								+ "tenant_id.");
			}
		};
	}

	private static boolean hasTenantId(Class<?> userClass) {
		for (Class<?> type = userClass; type != null; type = type.getSuperclass()) {
			if (Arrays.stream(type.getDeclaredFields())
				.anyMatch((field) -> field.isAnnotationPresent(org.hibernate.annotations.TenantId.class))) {
				return true;
			}
		}
		return false;
	}

	static DataSource applicationDataSource(DataSource dataSource) {
		return (dataSource instanceof SchemaSwitchingDataSource switching) ? switching.getTargetDataSource()
				: dataSource;
	}

	/**
	 * A schema per tenant: JDBC and Hibernate reach the current tenant's schema.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(SchemaMode.class)
	static class Schemas {

		@Bean
		static TenantSchemas powTenantSchemas(Environment environment) {
			return new TenantSchemas(environment.getProperty("pow.tenancy.schema-prefix", "tenant_"));
		}

		@Bean
		static BeanPostProcessor powTenantDataSource(Environment environment) {
			TenantSchemas schemas = powTenantSchemas(environment);
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && !(bean instanceof SchemaSwitchingDataSource))
							? new SchemaSwitchingDataSource(dataSource,
									() -> PowTenantContext.current().map(schemas::schemaOf).orElse(null))
							: bean;
				}

			};
		}

	}

	/**
	 * Hibernate's multi-tenancy: the current tenant, and in schema mode its connections.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ EntityManagerFactory.class, HibernatePropertiesCustomizer.class })
	static class Hibernate {

		@Bean
		HibernatePropertiesCustomizer powTenancyHibernateProperties(DataSource dataSource,
				ObjectProvider<TenantSchemas> schemas) {
			return (Map<String, Object> hibernateProperties) -> {
				hibernateProperties.put("hibernate.tenant_identifier_resolver", new PowTenantIdentifierResolver());
				TenantSchemas tenantSchemas = schemas.getIfAvailable();
				if (tenantSchemas != null) {
					hibernateProperties.put("hibernate.multi_tenant_connection_provider",
							new PowSchemaConnectionProvider(applicationDataSource(dataSource), tenantSchemas));
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class Web {

		@Bean
		FilterRegistrationBean<PowTenantFilter> powTenantFilter(PowTenantResolver resolver, PowTenants tenants,
				PowProperties properties) {
			FilterRegistrationBean<PowTenantFilter> registration = new FilterRegistrationBean<>(
					new PowTenantFilter(resolver, tenants, properties.getTenancy().getSharedPaths()));
			registration.setOrder(TENANT_FILTER_ORDER);
			return registration;
		}

	}

	static PowTenancyMode mode(Environment environment) {
		return Binder.get(environment).bind("pow.tenancy.mode", PowTenancyMode.class).orElse(PowTenancyMode.NONE);
	}

	static class TenancyOn extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			PowTenancyMode mode = mode(context.getEnvironment());
			return (mode != PowTenancyMode.NONE) ? ConditionOutcome.match("pow.tenancy.mode is " + mode)
					: ConditionOutcome.noMatch("pow.tenancy.mode is none");
		}

	}

	static class SchemaMode extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			PowTenancyMode mode = mode(context.getEnvironment());
			return (mode == PowTenancyMode.SCHEMA) ? ConditionOutcome.match("pow.tenancy.mode is schema")
					: ConditionOutcome.noMatch("pow.tenancy.mode is " + mode);
		}

	}

}
