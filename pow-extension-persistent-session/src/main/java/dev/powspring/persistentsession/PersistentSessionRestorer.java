package dev.powspring.persistentsession;

import java.util.Optional;

import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.session.RenewalTokens.Found;
import dev.powspring.session.RenewalTokens.RenewalToken;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.PowSessionRestorer;
import dev.powspring.session.SignInMethod;
import dev.powspring.session.SignInRefusedException;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Signs a user back in from the remember-me cookie when the request has no session: the
 * user is reloaded, a session is created with the token's fingerprint, and the token is
 * replaced (single use). Requests racing with the replacement are let in without a new
 * session; a replaced token presented after the grace period is taken as stolen, and
 * every session and remember-me token of the user is revoked.
 */
public class PersistentSessionRestorer implements PowSessionRestorer {

	private static final Log logger = LogFactory.getLog(PersistentSessionRestorer.class);

	private final PersistentSessionTokens tokens;

	private final PersistentSessionCookies cookies;

	private final PowUsersService users;

	private final PowSessionManager sessions;

	private final PowAuthEvents events;

	public PersistentSessionRestorer(PersistentSessionTokens tokens, PersistentSessionCookies cookies,
			PowUsersService users, PowSessionManager sessions) {
		this(tokens, cookies, users, sessions, null);
	}

	/**
	 * Create an instance.
	 * @param tokens the remember-me tokens
	 * @param cookies the remember-me cookie
	 * @param users reloads the user of a token
	 * @param sessions creates the restored session, and ends every session on theft
	 * @param events publishes a theft, or {@code null} to publish nothing; a restore is
	 * published by {@code sessions} as a sign-in
	 */
	public PersistentSessionRestorer(PersistentSessionTokens tokens, PersistentSessionCookies cookies,
			PowUsersService users, PowSessionManager sessions, PowAuthEvents events) {
		this.tokens = tokens;
		this.cookies = cookies;
		this.users = users;
		this.sessions = sessions;
		this.events = events;
	}

	@Override
	public Optional<PowUser> restore(HttpServletRequest request, HttpServletResponse response) {
		Optional<String> signed = this.cookies.read(request);
		if (signed.isEmpty()) {
			return Optional.empty();
		}
		Optional<Found> found = this.tokens.find(signed.get());
		if (found.isEmpty()) {
			this.cookies.delete(request, response);
			return Optional.empty();
		}
		RenewalToken record = found.get().record();
		if (record.rotatedAt() != null) {
			return this.tokens.withinGrace(record) ? this.users.getById(record.userId())
					: theft(request, response, record);
		}
		Optional<PowUser> user = this.users.getById(record.userId());
		if (user.isEmpty()) {
			forget(request, response, signed.get());
			return Optional.empty();
		}
		if (!this.tokens.claimRotation(found.get())) {
			// Another request with this cookie is replacing it right now.
			return user;
		}
		try {
			this.sessions.create(request, response, user.get(), record.fingerprint(), record.metadata(),
					SignInMethod.REMEMBER_ME);
		}
		catch (SignInRefusedException ex) {
			forget(request, response, signed.get());
			return Optional.empty();
		}
		this.cookies.write(request, response, this.tokens.issueReplacement(record), this.tokens.remaining(record));
		return user;
	}

	private Optional<PowUser> theft(HttpServletRequest request, HttpServletResponse response,
			RenewalToken record) {
		logger.warn("A replaced remember-me token of user " + record.userId()
				+ " was presented again; revoking every session and remember-me token of the user");
		this.tokens.revokeAll(record.userId());
		this.sessions.deleteAll(record.userId());
		this.cookies.delete(request, response);
		if (this.events != null) {
			this.events.of(PowAuthEventType.REMEMBER_ME_THEFT, record.userId()).publish(request);
		}
		return Optional.empty();
	}

	private void forget(HttpServletRequest request, HttpServletResponse response, String signedToken) {
		this.tokens.delete(signedToken);
		this.cookies.delete(request, response);
	}

}
