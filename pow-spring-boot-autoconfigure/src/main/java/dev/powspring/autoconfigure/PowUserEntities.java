package dev.powspring.autoconfigure;

import java.util.List;

import dev.powspring.user.PowUser;
import dev.powspring.user.UserEntityRoots;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;

/**
 * Finds the application's user entity among the JPA entities.
 */
final class PowUserEntities {

	private PowUserEntities() {
	}

	static Class<? extends PowUser> resolve(EntityManagerFactory entityManagerFactory) {
		List<Class<? extends PowUser>> roots = UserEntityRoots.of(entityManagerFactory.getMetamodel()
			.getEntities()
			.stream()
			.<Class<?>>map(EntityType::getJavaType)
			.toList());
		if (roots.size() != 1) {
			throw new PowConfigurationException("Pow needs exactly one JPA entity extending "
					+ PowUser.class.getName() + " mapped to the users table, but found "
					+ ((roots.isEmpty()) ? "none" : roots) + ".",
					"Declare one (or none, to use Pow's default), or declare your own PowUsersService bean.");
		}
		return roots.get(0);
	}

}
