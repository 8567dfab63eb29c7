package dev.powspring.security;

import java.util.Optional;

import dev.powspring.session.PowCurrentUser;
import dev.powspring.session.PowRequestAuthenticator;
import dev.powspring.session.PowSessionManager;
import dev.powspring.user.PowUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Pow's session as Spring Security's {@link SecurityContextRepository}, so that no servlet
 * {@code HttpSession} is used.
 * <p>
 * Loading reads the user that Pow's session filter resolved for the request (from the
 * session cookie, or restored from remember-me) and presents it as a
 * {@link PowAuthentication}. Saving signs in: an authentication whose principal is a
 * {@link PowUser}, made by some other Spring Security mechanism, gets a Pow session, and
 * an empty context (Spring Security's logout) ends the request's Pow session.
 * Authentications of other principals are left to the mechanism that made them.
 */
public class PowSecurityContextRepository implements SecurityContextRepository {

	private static final AuthenticationTrustResolver TRUST_RESOLVER = new AuthenticationTrustResolverImpl();

	private final PowSessionManager sessions;

	private final PowAuthoritiesMapper authoritiesMapper;

	private SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	/**
	 * Create an instance.
	 * @param sessions Pow's sessions
	 * @param authoritiesMapper gives users their authorities
	 */
	public PowSecurityContextRepository(PowSessionManager sessions, PowAuthoritiesMapper authoritiesMapper) {
		this.sessions = sessions;
		this.authoritiesMapper = authoritiesMapper;
	}

	/**
	 * Set the strategy that creates empty contexts.
	 * @param securityContextHolderStrategy the strategy
	 */
	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy securityContextHolderStrategy) {
		this.securityContextHolderStrategy = securityContextHolderStrategy;
	}

	/**
	 * Return the authentication of a Pow user.
	 * @param user the user
	 * @return the authentication, with the user's authorities
	 */
	public PowAuthentication authenticationOf(PowUser user) {
		return new PowAuthentication(user, this.authoritiesMapper.authorities(user));
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		return new DeferredPowContext(request);
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder requestResponseHolder) {
		return loadDeferredContext(requestResponseHolder.getRequest()).get();
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		if (PowRequestAuthenticator.decidedByCredentials(request)) {
			// The request's own token decides who it is from; no cookie session is made or
			// ended for it.
			return;
		}
		Authentication authentication = context.getAuthentication();
		if (authentication == null || TRUST_RESOLVER.isAnonymous(authentication)) {
			if (PowCurrentUser.get(request).isPresent() || this.sessions.currentRecord(request).isPresent()) {
				this.sessions.delete(request, response);
			}
			return;
		}
		if (authentication.getPrincipal() instanceof PowUser user && !isCurrent(request, user)) {
			this.sessions.create(request, response, user);
		}
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return PowCurrentUser.get(request).isPresent();
	}

	private boolean isCurrent(HttpServletRequest request, PowUser user) {
		Optional<PowUser> current = PowCurrentUser.get(request);
		return current.isPresent() && current.get().getId().equals(user.getId())
				&& this.sessions.currentRecord(request).isPresent();
	}

	// Built on first use, so requests that never ask who is signed in build nothing.
	private final class DeferredPowContext implements DeferredSecurityContext {

		private final HttpServletRequest request;

		private SecurityContext context;

		DeferredPowContext(HttpServletRequest request) {
			this.request = request;
		}

		@Override
		public SecurityContext get() {
			if (this.context == null) {
				SecurityContext loaded = PowSecurityContextRepository.this.securityContextHolderStrategy
					.createEmptyContext();
				PowCurrentUser.get(this.request).map(PowSecurityContextRepository.this::authenticationOf)
					.ifPresent(loaded::setAuthentication);
				this.context = loaded;
			}
			return this.context;
		}

		@Override
		public boolean isGenerated() {
			return PowCurrentUser.get(this.request).isEmpty();
		}

	}

}
