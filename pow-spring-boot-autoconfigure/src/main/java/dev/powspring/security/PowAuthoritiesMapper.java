package dev.powspring.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
	 * Every signed-in user has {@code ROLE_USER}, and each of the user's roles becomes
	 * {@code ROLE_} and its name in upper case ({@code admin} becomes {@code ROLE_ADMIN}),
	 * so that {@code hasRole("ADMIN")} works.
	 */
	PowAuthoritiesMapper ROLES = (user) -> {
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
		for (String role : user.getRoles()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT).replace('-', '_')));
		}
		return authorities;
	};

	/**
	 * Return the user's authorities.
	 * @param user the signed-in user
	 * @return the authorities, such as {@code ROLE_ADMIN}
	 */
	Collection<? extends GrantedAuthority> authorities(PowUser user);

}
