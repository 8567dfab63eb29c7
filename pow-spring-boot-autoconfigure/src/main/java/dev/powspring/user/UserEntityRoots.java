package dev.powspring.user;

import java.util.Collection;
import java.util.List;

/**
 * Finds the application's user entity among entity classes: the classes extending
 * {@link PowUser} that no other of them is a superclass of. With entity inheritance, the
 * root is the type every user is an instance of.
 */
public final class UserEntityRoots {

	private UserEntityRoots() {
	}

	/**
	 * Return the user entity roots among the classes.
	 * @param entityClasses entity classes, users or not
	 * @return the roots: one for a well-formed application
	 */
	@SuppressWarnings("unchecked")
	public static List<Class<? extends PowUser>> of(Collection<Class<?>> entityClasses) {
		List<Class<?>> users = entityClasses.stream().filter(PowUser.class::isAssignableFrom).distinct().toList();
		return users.stream()
			.filter((type) -> users.stream().noneMatch((other) -> other != type && other.isAssignableFrom(type)))
			.<Class<? extends PowUser>>map((type) -> (Class<? extends PowUser>) type)
			.toList();
	}

}
