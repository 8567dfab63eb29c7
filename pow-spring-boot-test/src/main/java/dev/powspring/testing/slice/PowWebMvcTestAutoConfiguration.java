package dev.powspring.testing.slice;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserEntityRoots;
import dev.powspring.user.UserIdField;
import dev.powspring.user.defaults.email.DefaultEmailUser;
import dev.powspring.user.defaults.username.DefaultUsernameUser;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.persistence.autoconfigure.EntityScanner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.ClassUtils;

/**
 * What a {@code @WebMvcTest} slice gets of Pow, besides Pow's own auto-configuration: a
 * session store in memory and users in memory, instances of the application's user
 * entity (found among its {@code @Entity} classes) or of Pow's default one.
 */
@AutoConfiguration(before = PowAutoConfiguration.class)
public class PowWebMvcTestAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PowStore.class)
	InMemoryPowStore powStore(Clock clock) {
		return new InMemoryPowStore(clock);
	}

	@Bean
	@ConditionalOnMissingBean(PowUsersService.class)
	InMemoryPowUsersService powUsersService(ApplicationContext context,
			@Qualifier("powPasswordEncoder") PasswordEncoder passwordEncoder, Clock clock, PowProperties properties) {
		Class<? extends PowUser> userClass = applicationUserClass(context)
			.orElse((properties.getUserIdField() == UserIdField.EMAIL) ? DefaultEmailUser.class
					: DefaultUsernameUser.class);
		Supplier<PowUser> newUser = () -> BeanUtils.instantiateClass(BeanUtils.getResolvableConstructor(userClass));
		return new InMemoryPowUsersService(newUser, passwordEncoder, clock, properties.getRoles().getDefault(),
				context);
	}

	private static Optional<Class<? extends PowUser>> applicationUserClass(ApplicationContext context) {
		if (!ClassUtils.isPresent("jakarta.persistence.Entity", context.getClassLoader())
				|| !AutoConfigurationPackages.has(context)) {
			return Optional.empty();
		}
		try {
			List<Class<? extends PowUser>> roots = UserEntityRoots
				.of(new EntityScanner(context).scan(jakarta.persistence.Entity.class));
			return (roots.size() == 1) ? Optional.of(roots.get(0)) : Optional.empty();
		}
		catch (ClassNotFoundException ex) {
			return Optional.empty();
		}
	}

}
