package dev.powspring.session;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.powspring.realm.PowRealm;
import dev.powspring.store.PowStoreUnavailableException;
import dev.powspring.user.PowUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the signed-in user once per request and exposes it as the request attribute
 * {@value PowCurrentUser#ATTRIBUTE}, before any handler, interceptor or view runs. The
 * {@link PowRequestAuthenticator}s decide first, for requests that carry credentials of
 * their own; otherwise the session cookie does, and when the request has no valid session,
 * the {@link PowSessionRestorer}s may restore one.
 */
public class PowSessionFilter extends OncePerRequestFilter {

	private final PowSessionManager sessions;

	private final List<PowSessionRestorer> restorers;

	private Function<Long, Optional<PowUser>> userReloader;

	private List<PowRequestAuthenticator> authenticators = List.of();

	private String realm = PowRealm.DEFAULT;

	public PowSessionFilter(PowSessionManager sessions, List<PowSessionRestorer> restorers) {
		this.sessions = sessions;
		this.restorers = List.copyOf(restorers);
	}

	/**
	 * Set what decides requests that carry credentials of their own, before the cookie.
	 * @param authenticators the authenticators, in order
	 */
	public void setAuthenticators(List<PowRequestAuthenticator> authenticators) {
		this.authenticators = List.copyOf(authenticators);
	}

	/**
	 * Read the signed-in user afresh on every request ({@code pow.session.reload-user}),
	 * rather than trusting the session's copy; a user no longer found is signed out.
	 * @param userReloader finds a user by primary key, or {@code null} to trust the copy
	 */
	public void setUserReloader(Function<Long, Optional<PowUser>> userReloader) {
		this.userReloader = userReloader;
	}

	/**
	 * Set the realm whose requests this filter signs in; it leaves others alone.
	 * @param realm the realm's name, {@value PowRealm#DEFAULT} by default
	 */
	public void setRealm(String realm) {
		this.realm = realm;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.realm.equals(PowRealm.of(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (PowCurrentUser.get(request).isEmpty()) {
			try {
				resolve(request, response).ifPresent((user) -> PowCurrentUser.assign(request, user));
			}
			catch (PowStoreUnavailableException ex) {
				// Not knowing who is signed in, answer nothing rather than anonymously.
				logger.warn("Cannot resolve the session: " + ex.getMessage());
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private Optional<PowUser> resolve(HttpServletRequest request, HttpServletResponse response) {
		for (PowRequestAuthenticator authenticator : this.authenticators) {
			Optional<PowRequestAuthenticator.Verdict> verdict = authenticator.authenticate(request);
			if (verdict.isPresent()) {
				request.setAttribute(PowRequestAuthenticator.DECIDED_ATTRIBUTE, Boolean.TRUE);
				return Optional.ofNullable(verdict.get().user());
			}
		}
		Optional<PowUser> user = this.sessions.resolve(request, response);
		if (user.isPresent() && this.userReloader != null) {
			user = this.userReloader.apply(user.get().getId());
			if (user.isEmpty()) {
				this.sessions.delete(request, response);
			}
		}
		for (Iterator<PowSessionRestorer> restorers = this.restorers.iterator(); user.isEmpty()
				&& restorers.hasNext();) {
			user = restorers.next().restore(request, response);
		}
		return user;
	}

}
