package dev.powspring.autoconfigure;

import java.util.List;

import dev.powspring.user.PowUser;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;

/**
 * Finds the application's user entity among the JPA entities.
 */
final class PowUserEntities {

	private PowUserEntities() {
	}

	@SuppressWarnings("unchecked")
	static Class<? extends PowUser> resolve(EntityManagerFactory entityManagerFactory) {
		List<Class<?>> candidates = entityManagerFactory.getMetamodel()
			.getEntities()
			.stream()
			.<Class<?>>map(EntityType::getJavaType)
			.filter(PowUser.class::isAssignableFrom)
			.distinct()
			.toList();
		// With entity inheritance, the root is the type every user is an instance of.
		List<Class<?>> roots = candidates.stream()
			.filter((type) -> candidates.stream().noneMatch((other) -> other != type && other.isAssignableFrom(type)))
			.toList();
		if (roots.size() != 1) {
			throw new PowConfigurationException("Pow needs exactly one JPA entity extending "
					+ PowUser.class.getName() + " mapped to the users table, but found "
					+ ((roots.isEmpty()) ? "none" : roots) + ".",
					"Declare one (or none, to use Pow's default), or declare your own PowUsersService bean.");
		}
		return (Class<? extends PowUser>) roots.get(0);
	}

}
