package dev.powspring.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.store.PowStore;
import dev.powspring.throttle.ClientAddresses;
import dev.powspring.throttle.KnownDevices;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.PowUser;
import dev.powspring.web.PowCookie;
import dev.powspring.web.PowCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Creates, resolves, rotates and deletes browser sessions, carried in the session cookie:
 * Pow's credentials cache.
 * <p>
 * What a session is (token, store record, shared user copy, rotation and lifetimes) is
 * {@link PowSessions}; this class adds where the token travels, the cookie, and what a
 * request learns: the sign-in guards, the sign-out listeners and the request's session.
 */
public class PowSessionManager {

	/** Store namespace of session tokens. */
	public static final String SESSIONS = "credentials";

	/** Store namespace of the shared user copies, keyed by user id. */
	public static final String USERS = PowSessions.USERS;

	private static final String SIGNATURE_PURPOSE = "session";

	/** Detail of a sign-in event: {@code true} when the browser signed in to the account for the first time. */
	public static final String NEW_DEVICE = "new_device";

	private final PowSessions core;

	private final Settings settings;

	private static final String CREATED_RECORD_ATTRIBUTE = PowSessionManager.class.getName() + ".createdRecord";

	private static final String RESOLVED_RECORD_ATTRIBUTE = PowSessionManager.class.getName() + ".resolvedRecord";

	private static final String SIGNED_OUT_ATTRIBUTE = PowSessionManager.class.getName() + ".signedOut";

	private static final String NEW_SIGN_IN_ATTRIBUTE = PowSessionManager.class.getName() + ".newSignIn";

	// Resolved to no session: later lookups in the request need not ask the store again.
	private static final Object NO_SESSION = Boolean.FALSE;

	private List<PowSignInGuard> signInGuards = List.of();

	private List<PowSignOutListener> signOutListeners = List.of();

	private ApplicationEventPublisher eventPublisher;

	private PowAuthEvents authEvents;

	private KnownDevices knownDevices;

	private ClientAddresses clientAddresses = new ClientAddresses(null);

	private List<PowSessionMetadataContributor> metadataContributors = List.of();

	private final Clock clock;

	/**
	 * Create an instance.
	 * @param store where sessions live
	 * @param signer signs tokens before they reach the client
	 * @param clock the clock for expiry and rotation
	 * @param settings cookie name and timings
	 */
	public PowSessionManager(PowStore store, TokenSigner signer, Clock clock, Settings settings) {
		this.core = new PowSessions(store, signer, clock, new PowSessions.Settings(SESSIONS, SIGNATURE_PURPOSE,
				settings.ttl(), settings.renewalInterval(), settings.rotationGrace(), settings.absoluteTtl()));
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Set how the client's address is read for a session's metadata.
	 * @param clientAddresses reads the client's address
	 */
	public void setClientAddresses(ClientAddresses clientAddresses) {
		this.clientAddresses = clientAddresses;
	}

	/**
	 * Set the publisher of {@link PowAuthEvent}s: sign-ins, failed sign-ins, rotations and
	 * expiries.
	 * @param authEvents the publisher
	 */
	public void setAuthEvents(PowAuthEvents authEvents) {
		this.authEvents = authEvents;
	}

	/**
	 * Set the device cookies by which a sign-in from a new browser is told apart, for the
	 * {@value #NEW_DEVICE} detail of sign-in events.
	 * @param knownDevices the device cookies
	 */
	public void setKnownDevices(KnownDevices knownDevices) {
		this.knownDevices = knownDevices;
	}

	/**
	 * Set the application's contributors to a session's metadata.
	 * @param metadataContributors the contributors, in order
	 */
	public void setMetadataContributors(List<PowSessionMetadataContributor> metadataContributors) {
		this.metadataContributors = List.copyOf(metadataContributors);
	}

	/**
	 * Set the guards every sign-in must pass.
	 * @param signInGuards the guards, in order
	 */
	public void setSignInGuards(List<PowSignInGuard> signInGuards) {
		this.signInGuards = List.copyOf(signInGuards);
	}

	/**
	 * Set the listeners told of every sign-out.
	 * @param signOutListeners the listeners, in order
	 */
	public void setSignOutListeners(List<PowSignOutListener> signOutListeners) {
		this.signOutListeners = List.copyOf(signOutListeners);
	}

	/**
	 * Set the publisher of {@link SessionsRevokedEvent}s and {@link SignInRefusedEvent}s.
	 * @param eventPublisher the publisher
	 */
	public void setEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	/**
	 * Sign the user in with a password: replace the request's session, if any, with a new
	 * one. When the request already has a session of the same user (an account update),
	 * its token is re-issued instead, keeping its fingerprint and absolute lifetime.
	 * @param request the request
	 * @param response the response that carries the new cookie
	 * @param user the user
	 * @throws SignInRefusedException when a {@link PowSignInGuard} refuses the user
	 */
	public void create(HttpServletRequest request, HttpServletResponse response, PowUser user) {
		create(request, response, user, SignInMethod.PASSWORD);
	}

	/**
	 * Sign the user in the given way: replace the request's session, if any, with a new
	 * one; a session of the same user is re-issued, as by
	 * {@link #create(HttpServletRequest, HttpServletResponse, PowUser)}.
	 * @param request the request
	 * @param response the response that carries the new cookie
	 * @param user the user
	 * @param method how the user signed in
	 * @throws SignInRefusedException when a {@link PowSignInGuard} refuses the user
	 */
	public void create(HttpServletRequest request, HttpServletResponse response, PowUser user,
			SignInMethod method) {
		Optional<SessionRecord> current = currentRecord(request)
			.filter((record) -> record.userId().equals(user.getId()));
		SignInAttempt attempt = new SignInAttempt(method, current.isPresent(), request);
		// A re-issued token keeps what its session recorded at sign-in.
		Map<String, String> metadata = current.map(SessionRecord::metadata)
			.orElseGet(() -> signInMetadata(request, user, method, Map.of()));
		create(request, response, user, attempt, current.map(SessionRecord::fingerprint).orElse(null), metadata,
				current.map(SessionRecord::startedAt).orElse(null));
	}

	/**
	 * Sign the user in with a given fingerprint and metadata, replacing the request's
	 * session, if any. Other sessions of the user with the same fingerprint are deleted
	 * first: they are leftovers of this one.
	 * @param request the request
	 * @param response the response that carries the new cookie
	 * @param user the user
	 * @param fingerprint the fingerprint that identifies the session across rotations
	 * @param metadata metadata to keep with the session, such as what a remember-me token
	 * kept; Pow's own keys ({@link SessionMetadata}) are written anew for this sign-in
	 * @param method how the user signed in, such as {@link SignInMethod#REMEMBER_ME}
	 * @throws SignInRefusedException when a {@link PowSignInGuard} refuses the user
	 */
	public void create(HttpServletRequest request, HttpServletResponse response, PowUser user, String fingerprint,
			Map<String, String> metadata, SignInMethod method) {
		create(request, response, user, SignInAttempt.of(method, request), fingerprint,
				signInMetadata(request, user, method, metadata), null);
	}

	/**
	 * Return what a sign-in that makes no browser session, such as an API token pair,
	 * records: Pow's {@link SessionMetadata} keys read off the request, then what the
	 * {@link PowSessionMetadataContributor}s add, as for a browser session.
	 * @param request the sign-in request
	 * @param user the user signing in
	 * @param method how the user signed in
	 * @return the metadata
	 */
	public Map<String, String> signInMetadata(HttpServletRequest request, PowUser user, SignInMethod method) {
		return signInMetadata(request, user, method, Map.of());
	}

	private Map<String, String> signInMetadata(HttpServletRequest request, PowUser user, SignInMethod method,
			Map<String, String> given) {
		Map<String, String> metadata = SessionMetadata.ofSignIn(given, request, this.clientAddresses, method,
				this.clock.instant());
		for (PowSessionMetadataContributor contributor : this.metadataContributors) {
			contributor.contribute(request, user, metadata);
		}
		return metadata;
	}

	/**
	 * Tell why the {@link PowSignInGuard}s would refuse the user a password sign-in.
	 * @param user the user
	 * @return the first guard's reason code, or empty when the user may sign in
	 */
	public Optional<String> signInRefusal(PowUser user) {
		return signInRefusal(user, SignInAttempt.of(SignInMethod.PASSWORD, null));
	}

	/**
	 * Tell why the {@link PowSignInGuard}s would refuse the user a session.
	 * @param user the user
	 * @param attempt how the user signs in
	 * @return the first guard's reason code, or empty when the user may sign in
	 */
	public Optional<String> signInRefusal(PowUser user, SignInAttempt attempt) {
		return refusingGuard(user, attempt).map(Refusal::code);
	}

	private Optional<Refusal> refusingGuard(PowUser user, SignInAttempt attempt) {
		for (PowSignInGuard guard : this.signInGuards) {
			String refusal = guard.refusal(user, attempt);
			if (refusal != null) {
				return Optional.of(new Refusal(guard, refusal));
			}
		}
		return Optional.empty();
	}

	private record Refusal(PowSignInGuard guard, String code) {

	}

	/**
	 * Check that the {@link PowSignInGuard}s let the user sign in through the API, for a
	 * sign-in that makes no browser session; a refusal is published as a
	 * {@link SignInRefusedEvent}, as when {@code create} refuses.
	 * @param request the sign-in request
	 * @param user the user whose credentials were right
	 * @return the first guard's reason code, or empty when the user may sign in
	 */
	public Optional<String> checkSignIn(HttpServletRequest request, PowUser user) {
		return checkSignIn(request, user, SignInMethod.API);
	}

	/**
	 * Check that the {@link PowSignInGuard}s let the user sign in the given way, for a
	 * sign-in that makes no browser session; a refusal is published as a
	 * {@link SignInRefusedEvent}, as when {@code create} refuses.
	 * @param request the sign-in request
	 * @param user the user whose credentials were right
	 * @param method how the user signs in
	 * @return the first guard's reason code, or empty when the user may sign in
	 */
	public Optional<String> checkSignIn(HttpServletRequest request, PowUser user, SignInMethod method) {
		return checkSignIn(request, user, SignInAttempt.of(method, request));
	}

	private Optional<String> checkSignIn(HttpServletRequest request, PowUser user, SignInAttempt attempt) {
		Optional<Refusal> refusal = refusingGuard(user, attempt);
		if (refusal.isEmpty()) {
			return Optional.empty();
		}
		if (this.eventPublisher != null) {
			this.eventPublisher.publishEvent(new SignInRefusedEvent(this, request, user, refusal.get().code()));
		}
		String failure = SignInMethod.REGISTRATION.equals(attempt.method()) ? null
				: refusal.get().guard().failureReason(refusal.get().code());
		if (failure != null && this.authEvents != null) {
			this.authEvents.of(PowAuthEventType.SIGN_IN_FAILED, user)
				.detail(PowAuthEvent.METHOD, attempt.method().name())
				.detail(PowAuthEvent.REASON, failure)
				.publish(request);
		}
		return Optional.of(refusal.get().code());
	}

	private void create(HttpServletRequest request, HttpServletResponse response, PowUser user,
			SignInAttempt attempt, String fingerprint, Map<String, String> metadata, Instant startedAt) {
		Optional<String> refusal = checkSignIn(request, user, attempt);
		if (refusal.isPresent()) {
			throw new SignInRefusedException(user, refusal.get());
		}
		requestKey(request).ifPresent(this.core::delete);
		if (fingerprint != null) {
			// Earlier sessions with this fingerprint are leftovers of the one replaced.
			this.core.deleteWithFingerprint(user.getId(), fingerprint);
		}
		PowSessions.Issued issued = this.core.start(user, fingerprint, metadata, startedAt);
		writeCookie(request, response, issued);
		request.setAttribute(CREATED_RECORD_ATTRIBUTE, issued.record());
		if (!attempt.reissue()) {
			request.setAttribute(NEW_SIGN_IN_ATTRIBUTE, attempt.method());
			Boolean newDevice = rememberDevice(request, response, user, attempt.method());
			if (this.authEvents != null) {
				this.authEvents.of(PowAuthEventType.SIGNED_IN, user)
					.detail(PowAuthEvent.METHOD, attempt.method().name())
					.detail("multi_factor", attempt.method().multiFactor())
					.detail(NEW_DEVICE, newDevice)
					.publish(request);
			}
		}
		PowCurrentUser.assign(request, user);
	}

	// Whether the browser signs in to this account for the first time, by its device cookie;
	// a remember-me cookie comes from a browser that signed in before.
	private Boolean rememberDevice(HttpServletRequest request, HttpServletResponse response, PowUser user,
			SignInMethod method) {
		if (this.knownDevices == null || SignInMethod.REMEMBER_ME.name().equals(method.name())) {
			return null;
		}
		Optional<String> device = this.knownDevices.deviceOf(request, user.getUserId());
		this.knownDevices.remember(request, response, user.getUserId(), device.orElse(null));
		return device.isEmpty();
	}

	/**
	 * Resolve the request's signed-in user, rotating the token when it is due. A
	 * tampered, unsigned, expired or unknown token resolves to no user; a bad signature
	 * costs no store lookup.
	 * @param request the request
	 * @param response the response that carries a rotated cookie
	 * @return the user, or empty
	 */
	public Optional<PowUser> resolve(HttpServletRequest request, HttpServletResponse response) {
		Optional<String> key = requestKey(request);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		Optional<PowSessions.Found> found = this.core.find(key.get());
		if (found.isEmpty()) {
			// A signed token the store no longer knows: expired, or ended on purpose.
			ended(request, response, null);
			return Optional.empty();
		}
		SessionRecord record = found.get().record();
		Optional<PowUser> user = found.get().user();
		if (user.isEmpty() || this.core.beyondAbsoluteLifetime(record)) {
			this.core.delete(key.get());
			ended(request, response, user.isPresent() ? record.userId() : null);
			return Optional.empty();
		}
		if (this.core.rotationDue(record)) {
			this.core.rotate(found.get(), user.get()).ifPresent((issued) -> {
				writeCookie(request, response, issued);
				if (this.authEvents != null) {
					this.authEvents.of(PowAuthEventType.SESSION_ROTATED, user.get()).publish(request);
				}
			});
		}
		request.setAttribute(RESOLVED_RECORD_ATTRIBUTE, record);
		return user;
	}

	private void ended(HttpServletRequest request, HttpServletResponse response, Long userId) {
		PowCookies.delete(request, response, this.settings.cookie());
		request.setAttribute(RESOLVED_RECORD_ATTRIBUTE, NO_SESSION);
		if (this.authEvents != null) {
			this.authEvents.of(PowAuthEventType.SESSION_EXPIRED, userId).publish(request);
		}
	}

	/**
	 * Sign out: tell the {@link PowSignOutListener}s, then delete the request's session and
	 * its cookie.
	 * @param request the request
	 * @param response the response
	 */
	public void delete(HttpServletRequest request, HttpServletResponse response) {
		for (PowSignOutListener listener : this.signOutListeners) {
			listener.signingOut(request, response);
		}
		requestKey(request).ifPresent(this.core::delete);
		PowCookies.delete(request, response, this.settings.cookie());
		PowCurrentUser.assign(request, null);
		request.removeAttribute(CREATED_RECORD_ATTRIBUTE);
		request.removeAttribute(RESOLVED_RECORD_ATTRIBUTE);
		request.removeAttribute(NEW_SIGN_IN_ATTRIBUTE);
		request.setAttribute(SIGNED_OUT_ATTRIBUTE, Boolean.TRUE);
	}

	/**
	 * Tell whether this request signed someone in or out, so that what is bound to the
	 * session (such as the CSRF token) is issued anew.
	 * @param request the request
	 * @return {@code true} after {@code create} or {@code delete} during the request
	 */
	public static boolean signedInOrOutDuring(HttpServletRequest request) {
		return request.getAttribute(CREATED_RECORD_ATTRIBUTE) != null
				|| request.getAttribute(SIGNED_OUT_ATTRIBUTE) != null;
	}

	/**
	 * Tell how the user was signed in during this request, for a new sign-in; a re-issued
	 * token (an account update) is none.
	 * @param request the request
	 * @return the method of the sign-in, or empty when the request signed no one in
	 */
	public static Optional<SignInMethod> newSignInDuring(HttpServletRequest request) {
		return (request.getAttribute(NEW_SIGN_IN_ATTRIBUTE) instanceof SignInMethod method) ? Optional.of(method)
				: Optional.empty();
	}

	/**
	 * Replace the shared copy of a user that every session of the user sees, when there is
	 * one; for changes made outside the user's own requests.
	 * @param user the user as now stored
	 */
	public void refreshUser(PowUser user) {
		this.core.refreshUser(user);
	}

	/**
	 * Return the name of the session cookie.
	 * @return the name, such as {@code pow_session}
	 */
	public String cookieName() {
		return this.settings.cookie().name();
	}

	/**
	 * Count the user's live web sessions, on every device.
	 * @param userId the user's primary key
	 * @return the count, or empty when the store cannot find sessions by user
	 */
	public OptionalInt countLive(Long userId) {
		return this.core.countLive(userId);
	}

	/**
	 * Return the user's live browser sessions, one per sign-in.
	 * @param userId the user's primary key
	 * @return the sessions, empty when the store cannot find sessions by user
	 */
	public List<SessionRecord> live(Long userId) {
		return this.core.live(userId);
	}

	/**
	 * Return when a session ends unless it is used.
	 * @param record the session
	 * @return the time it expires
	 */
	public Instant expiresAt(SessionRecord record) {
		return this.core.expiresAt(record);
	}

	/**
	 * End the browser sessions of one sign-in of a user, such as those a remembered device
	 * started; the device is signed out at its next request.
	 * @param userId the user's primary key
	 * @param fingerprint the sign-in's fingerprint
	 */
	public void deleteWithFingerprint(Long userId, String fingerprint) {
		this.core.deleteWithFingerprint(userId, fingerprint);
	}

	/**
	 * Delete every session of a user, on every device, and the shared user copy, and
	 * publish a {@link SessionsRevokedEvent}.
	 * @param userId the user's primary key
	 */
	public void deleteAll(Long userId) {
		this.core.deleteAll(userId);
		this.core.deleteUserCopy(userId);
		if (this.eventPublisher != null) {
			this.eventPublisher.publishEvent(new SessionsRevokedEvent(this, userId));
		}
	}

	/**
	 * Return the request's session: the one created during the request, else the one its
	 * cookie names, when valid.
	 * @param request the request
	 * @return the session record, or empty
	 */
	public Optional<SessionRecord> currentRecord(HttpServletRequest request) {
		if (request.getAttribute(CREATED_RECORD_ATTRIBUTE) instanceof SessionRecord created) {
			return Optional.of(created);
		}
		if (request.getAttribute(SIGNED_OUT_ATTRIBUTE) != null) {
			return Optional.empty();
		}
		Object resolved = request.getAttribute(RESOLVED_RECORD_ATTRIBUTE);
		if (resolved != null) {
			return (resolved instanceof SessionRecord record) ? Optional.of(record) : Optional.empty();
		}
		return requestKey(request).flatMap(this.core::get);
	}

	private void writeCookie(HttpServletRequest request, HttpServletResponse response, PowSessions.Issued issued) {
		PowCookies.write(request, response, this.settings.cookie(), issued.signedToken(), null);
	}

	private Optional<String> requestKey(HttpServletRequest request) {
		return PowCookies.read(request, this.settings.cookie()).flatMap(this.core::keyOf);
	}

	/**
	 * Cookie and timings of sessions.
	 *
	 * @param cookie the session cookie
	 * @param ttl how long a session lives after its last write
	 * @param renewalInterval how long a token is used before it rotates, or {@code null}
	 * to never rotate
	 * @param rotationGrace how long a replaced token keeps working
	 * @param absoluteTtl how long a session lives at most, however active, or {@code null}
	 * for no limit
	 */
	public record Settings(PowCookie cookie, Duration ttl, Duration renewalInterval, Duration rotationGrace,
			Duration absoluteTtl) {

		/**
		 * Settings with a cookie of the given name and the default domain, path and
		 * SameSite attribute.
		 * @param cookieName name of the session cookie
		 * @param ttl how long a session lives after its last write
		 * @param renewalInterval how long a token is used before it rotates, or
		 * {@code null} to never rotate
		 * @param rotationGrace how long a replaced token keeps working
		 * @param absoluteTtl how long a session lives at most, or {@code null} for no limit
		 */
		public Settings(String cookieName, Duration ttl, Duration renewalInterval, Duration rotationGrace,
				Duration absoluteTtl) {
			this(PowCookie.named(cookieName), ttl, renewalInterval, rotationGrace, absoluteTtl);
		}

	}

}
