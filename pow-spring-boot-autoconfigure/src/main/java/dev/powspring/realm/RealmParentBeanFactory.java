package dev.powspring.realm;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.MessageSource;
import org.springframework.util.ClassUtils;

/**
 * The parent of a realm's bean factory: the application's beans, each created on first
 * use by the application's factory, less those the realm must have its own of. Pow's beans
 * are hidden, so the realm's context runs Pow's auto-configuration afresh with its own
 * settings; so is the database plumbing, which the realm has bound to its schema.
 * The token signer, the mail transport and the development mailbox are shared.
 */
final class RealmParentBeanFactory {

	// Pow's own packages, core, extensions and test kit; not an application's, nor the
	// test support of Pow's own tests, that happen to live under dev.powspring.
	private static final Set<String> POW_PACKAGES = Set.of("actuate", "admin", "api", "audit", "autoconfigure",
			"device", "emailconfirmation", "event", "invitation", "jdbc", "magiclink", "mail", "messages", "metrics",
			"migration", "notification", "passkeys", "password", "persistentsession", "realm", "resetpassword",
			"security", "session", "store", "tenant", "testing", "throttle", "token", "twofactor", "user", "web");

	// The signer too: one key, configured or random, signs every realm's tokens, each
	// for its own purpose and cookie.
	private static final List<String> SHARED_POW_TYPES = List.of("dev.powspring.token.TokenSigner",
			"dev.powspring.mail.PowMailer",
			"dev.powspring.mail.mailbox.DevelopmentMailbox", "dev.powspring.testing.CapturedMails");

	private static final List<String> REALM_OWN_TYPES = List.of("javax.sql.DataSource",
			"jakarta.persistence.EntityManagerFactory", "jakarta.persistence.EntityManager",
			"org.springframework.transaction.TransactionManager",
			"org.springframework.transaction.support.TransactionOperations",
			"org.springframework.jdbc.core.JdbcOperations",
			"org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
			"org.springframework.jdbc.core.simple.JdbcClient",
			"org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes",
			"org.springframework.web.servlet.HandlerMapping", "org.springframework.web.servlet.config.annotation.WebMvcConfigurer",
			MessageSource.class.getName());

	private static final Set<String> REALM_OWN_PACKAGES = Set.of("org.flywaydb.", "org.springframework.boot.flyway.");

	private RealmParentBeanFactory() {
	}

	static DefaultListableBeanFactory of(ConfigurableListableBeanFactory application) {
		DefaultListableBeanFactory parent = new DefaultListableBeanFactory();
		parent.setBeanClassLoader(application.getBeanClassLoader());
		for (String name : application.getBeanDefinitionNames()) {
			BeanDefinition definition = application.getMergedBeanDefinition(name);
			if (definition.isAbstract() || !definition.isSingleton()) {
				continue;
			}
			Class<?> type = application.getType(name, false);
			if (type == null || !isShared(type)) {
				continue;
			}
			RootBeanDefinition delegate = new RootBeanDefinition();
			delegate.setTargetType(type);
			delegate.setInstanceSupplier(() -> application.getBean(name));
			delegate.setLazyInit(true);
			delegate.setPrimary(definition.isPrimary());
			delegate.setAutowireCandidate(definition.isAutowireCandidate());
			parent.registerBeanDefinition(name, delegate);
		}
		return parent;
	}

	static boolean isShared(Class<?> type) {
		if (SHARED_POW_TYPES.stream().anyMatch((shared) -> isA(type, shared))) {
			return true;
		}
		if (isPows(type) || REALM_OWN_TYPES.stream().anyMatch((own) -> isA(type, own))) {
			return false;
		}
		return REALM_OWN_PACKAGES.stream().noneMatch(type.getName()::startsWith);
	}

	private static boolean isPows(Class<?> type) {
		if (isPowPackage(type)) {
			return true;
		}
		for (Class<?> implemented : ClassUtils.getAllInterfacesForClassAsSet(type)) {
			if (isPowPackage(implemented)) {
				return true;
			}
		}
		for (Class<?> superclass = type.getSuperclass(); superclass != null; superclass = superclass.getSuperclass()) {
			if (isPowPackage(superclass)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isPowPackage(Class<?> type) {
		String name = type.getName();
		if (!name.startsWith("dev.powspring.")) {
			return false;
		}
		int end = name.indexOf('.', "dev.powspring.".length());
		return end > 0 && POW_PACKAGES.contains(name.substring("dev.powspring.".length(), end));
	}

	private static boolean isA(Class<?> type, String className) {
		if (!ClassUtils.isPresent(className, type.getClassLoader())) {
			return false;
		}
		return ClassUtils.resolveClassName(className, type.getClassLoader()).isAssignableFrom(type);
	}

}
