package dev.powspring.security;

import java.util.Collection;
import java.util.List;

import dev.powspring.user.PowUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Gives a signed-in Pow user its Spring Security authorities. Declare a bean of this type
 * to map your own user model; the default gives every user {@code ROLE_USER}.
 */
@FunctionalInterface
public interface PowAuthoritiesMapper {

	/** Every signed-in user has {@code ROLE_USER}. */
	PowAuthoritiesMapper USER_ROLE = (user) -> List.of(new SimpleGrantedAuthority("ROLE_USER"));

	/**
	 * Return the user's authorities.
	 * @param user the signed-in user
	 * @return the authorities, such as {@code ROLE_ADMIN}
	 */
	Collection<? extends GrantedAuthority> authorities(PowUser user);

}
