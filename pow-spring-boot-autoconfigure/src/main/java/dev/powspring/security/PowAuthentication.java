package dev.powspring.security;

import java.io.Serial;
import java.util.Collection;

import dev.powspring.user.PowUser;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A signed-in Pow user as Spring Security's {@code Authentication}: the principal is the
 * user entity, the name its user id (the email or username it signs in with), and the
 * authorities those of the {@link PowAuthoritiesMapper}. It carries no credentials.
 */
public class PowAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient PowUser user;

	/**
	 * Create an authenticated token for a user.
	 * @param user the signed-in user
	 * @param authorities what the user may do
	 */
	public PowAuthentication(PowUser user, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.user = user;
		setAuthenticated(true);
	}

	@Override
	public PowUser getPrincipal() {
		return this.user;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public String getName() {
		return this.user.getUserId();
	}

}
