package dev.powspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.powspring.user.PowUser;
import dev.powspring.user.UserIdField;
import dev.powspring.user.defaults.email.DefaultEmailUser;
import dev.powspring.user.defaults.tenant.email.DefaultTenantEmailUser;
import dev.powspring.user.defaults.tenant.username.DefaultTenantUsernameUser;
import dev.powspring.user.defaults.username.DefaultUsernameUser;
import jakarta.persistence.Entity;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Hands Pow's default user entity to JPA when the application's entity packages hold no
 * entity extending {@link PowUser}, so an application with no user class of its own works.
 */
class PowUserEntityRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, ResourceLoaderAware {

	private static final String DEFAULTS_PACKAGE_PREFIX = PowUser.class.getPackageName() + ".defaults.";

	private Environment environment;

	private ResourceLoader resourceLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		if (!(registry instanceof BeanFactory beanFactory)) {
			return;
		}
		List<String> packages = new ArrayList<>(EntityScanPackages.get(beanFactory).getPackageNames());
		if (packages.isEmpty() && AutoConfigurationPackages.has(beanFactory)) {
			packages.addAll(AutoConfigurationPackages.get(beanFactory));
		}
		if (declaresUserEntity(packages)) {
			return;
		}
		// Registering any entity package replaces the default of scanning the
		// auto-configuration packages, so they are registered alongside.
		packages.add(defaultUserEntity().getPackageName());
		EntityScanPackages.register(registry, packages);
	}

	private boolean declaresUserEntity(List<String> packages) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
				this.environment);
		scanner.setResourceLoader(this.resourceLoader);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
		scanner.addExcludeFilter(
				(reader, factory) -> reader.getClassMetadata().getClassName().startsWith(DEFAULTS_PACKAGE_PREFIX));
		// A realm's user entity is the realm's, not the application's.
		Set<String> realmEntities = PowRealmsConfiguration.realmUserClasses(this.environment);
		scanner.addExcludeFilter(
				(reader, factory) -> realmEntities.contains(reader.getClassMetadata().getClassName()));
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				if (isUserEntity(candidate.getBeanClassName())) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean isUserEntity(String className) {
		try {
			Class<?> type = ClassUtils.forName(className, this.resourceLoader.getClassLoader());
			return PowUser.class.isAssignableFrom(type);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private Class<? extends PowUser> defaultUserEntity() {
		Binder binder = Binder.get(this.environment);
		UserIdField field = binder.bind("pow.user-id-field", UserIdField.class).orElse(UserIdField.EMAIL);
		if (binder.bind("pow.tenancy.mode", PowTenancyMode.class).orElse(PowTenancyMode.NONE) == PowTenancyMode.COLUMN) {
			return (field == UserIdField.USERNAME) ? DefaultTenantUsernameUser.class : DefaultTenantEmailUser.class;
		}
		return (field == UserIdField.USERNAME) ? DefaultUsernameUser.class : DefaultEmailUser.class;
	}

}
