package dev.powspring.realm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment of a realm's context: the application's, with every
 * {@code pow.realms.<name>.<setting>} read as {@code pow.<setting>}, over defaults that keep
 * the realm apart (its routes prefix, cookie names and store key prefix) and settings that
 * are the default realm's own (path guards, initial admins).
 */
final class RealmEnvironment {

	private RealmEnvironment() {
	}

	static ConfigurableEnvironment create(ConfigurableEnvironment application, String name) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.stream().map(PropertySource::getName).toList().forEach(sources::remove);
		sources.addLast(new MapPropertySource("pow.realms." + name, overrides(application, name)));
		sources.addLast(new MapPropertySource("pow.realms." + name + " defaults", defaults(application, name)));
		for (PropertySource<?> source : application.getPropertySources()) {
			if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
				sources.addLast(withoutDefaultRealmsOwn(source));
			}
		}
		environment.setActiveProfiles(application.getActiveProfiles());
		environment.setConversionService(application.getConversionService());
		ConfigurationPropertySources.attach(environment);
		return environment;
	}

	// The realm's own settings, in the first source that gives each.
	private static Map<String, Object> overrides(ConfigurableEnvironment application, String name) {
		ConfigurationPropertyName realm = ConfigurationPropertyName.of("pow.realms." + name);
		Map<String, Object> settings = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(application)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().filter(realm::isAncestorOf).forEach((key) -> {
					ConfigurationProperty property = source.getConfigurationProperty(key);
					if (property != null) {
						settings.putIfAbsent("pow." + key.subName(realm.getNumberOfElements()), property.getValue());
					}
				});
			}
		}
		return settings;
	}

	// The application's settings less those that belong to the default realm alone. The
	// environment's variables stay a source of their kind, so their names still map.
	private static PropertySource<?> withoutDefaultRealmsOwn(PropertySource<?> source) {
		if (source instanceof SystemEnvironmentPropertySource environment) {
			Map<String, Object> variables = new LinkedHashMap<>(environment.getSource());
			variables.keySet().removeIf(RealmEnvironment::isDefaultRealmsOwn);
			return new SystemEnvironmentPropertySource(source.getName(), variables);
		}
		if (source instanceof EnumerablePropertySource<?> enumerable && Arrays.stream(enumerable.getPropertyNames())
			.anyMatch(RealmEnvironment::isDefaultRealmsOwn)) {
			Map<String, Object> properties = new LinkedHashMap<>();
			for (String name : enumerable.getPropertyNames()) {
				if (!isDefaultRealmsOwn(name)) {
					properties.put(name, enumerable.getProperty(name));
				}
			}
			return new MapPropertySource(source.getName(), properties);
		}
		return source;
	}

	// Path guards and initial admins, in any of the forms Spring Boot binds.
	private static boolean isDefaultRealmsOwn(String name) {
		String canonical = name.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
		return canonical.startsWith("pow.guards.") || canonical.startsWith("pow.admin.initialadmins");
	}

	private static Map<String, Object> defaults(ConfigurableEnvironment application, String name) {
		String cookie = "pow_" + name.replace('-', '_') + "_";
		Map<String, Object> defaults = new LinkedHashMap<>();
		String prefix = application.getProperty("pow.realms." + name + ".routes.prefix", "/" + name);
		defaults.put("pow.routes.prefix", prefix);
		defaults.put("pow.routes.home", prefix);
		defaults.put("pow.session.cookie-name", cookie + "session");
		defaults.put("pow.csrf.cookie-name", cookie + "csrf");
		defaults.put("pow.throttle.device-cookie-name", cookie + "device");
		defaults.put("pow.persistent-session.cookie-name", cookie + "persistent_session");
		defaults.put("pow.store.redis-key-prefix",
				application.getProperty("pow.store.redis-key-prefix", "pow:") + name + ":");
		defaults.put("pow.mailbox.enabled", "false");
		defaults.put("pow.tenancy.mode", "none");
		return defaults;
	}

}
