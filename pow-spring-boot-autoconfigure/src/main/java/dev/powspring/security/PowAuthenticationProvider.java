package dev.powspring.security;

import java.util.Optional;

import dev.powspring.session.PowSessionManager;
import dev.powspring.throttle.SignInThrottle;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks a user id and password against Pow's users for Spring Security's
 * {@code AuthenticationManager}, with Pow's sign-in throttling (when called during a
 * request) and sign-in guards, such as email confirmation. An application's own login
 * flow can authenticate with it and save the result through the
 * {@link PowSecurityContextRepository}, which signs the user in. It also stands in for
 * Spring Boot's generated development user.
 */
public class PowAuthenticationProvider implements AuthenticationProvider {

	private final PowUsersService users;

	private final PowSessionManager sessions;

	private final PowSecurityContextRepository securityContexts;

	private final SignInThrottle signInThrottle;

	/**
	 * Create an instance.
	 * @param users Pow's users
	 * @param sessions whose sign-in guards apply
	 * @param securityContexts makes the authentication of a user
	 * @param signInThrottle the throttle, or {@code null} when throttling is off
	 */
	public PowAuthenticationProvider(PowUsersService users, PowSessionManager sessions,
			PowSecurityContextRepository securityContexts, SignInThrottle signInThrottle) {
		this.users = users;
		this.sessions = sessions;
		this.securityContexts = securityContexts;
		this.signInThrottle = signInThrottle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		String password = (authentication.getCredentials() != null) ? authentication.getCredentials().toString() : "";
		Optional<ServletRequestAttributes> request = currentRequest();
		Optional<SignInThrottle.Attempt> attempt = request.filter((current) -> this.signInThrottle != null)
			.map((current) -> this.signInThrottle.reserve(current.getRequest(), userId));
		try {
			if (attempt.flatMap(SignInThrottle.Attempt::refusedFor).isPresent()) {
				throw new LockedException("Too many sign-in attempts");
			}
			PowUser user = this.users.authenticate(userId, password).orElse(null);
			if (user == null) {
				attempt.ifPresent(SignInThrottle.Attempt::failed);
				throw new BadCredentialsException("Invalid user id or password");
			}
			Optional<String> refusal = this.sessions.signInRefusal(user);
			if (refusal.isPresent()) {
				throw new DisabledException("Sign-in refused: " + refusal.get());
			}
			attempt.ifPresent((reserved) -> request.map(ServletRequestAttributes::getResponse)
				.ifPresent(reserved::succeeded));
			return this.securityContexts.authenticationOf(user);
		}
		finally {
			attempt.ifPresent(SignInThrottle.Attempt::release);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static Optional<ServletRequestAttributes> currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? Optional.of(attributes) : Optional.empty();
	}

}
