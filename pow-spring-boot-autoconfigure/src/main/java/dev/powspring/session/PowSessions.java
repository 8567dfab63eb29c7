package dev.powspring.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import dev.powspring.store.LinkedReadPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.store.PrincipalIndexedPowStore;
import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.PowUser;

/**
 * What a session is, whichever way its token travels: a random token, signed for one
 * purpose before it leaves, kept in the store only as its SHA-256 hash and mapped to a
 * {@link SessionRecord}; the signed-in user kept once per user, so that every session of
 * the user, of every kind, sees one copy; rotation after a renewal interval with a grace
 * period for the replaced token; and an absolute lifetime.
 * <p>
 * The browser session ({@link PowSessionManager}, in a cookie) and API access tokens (in
 * the {@code Authorization} header) are two instances with their own namespace and
 * signature purpose, so a token of one kind is never accepted as the other.
 */
public class PowSessions {

	/** Store namespace of the shared user copies, keyed by user id. */
	public static final String USERS = "credentials_user";

	private final PowStore store;

	private final TokenSigner signer;

	private final Clock clock;

	private final Settings settings;

	private final String rotationLocks;

	/**
	 * Create an instance.
	 * @param store where sessions live
	 * @param signer signs tokens before they leave
	 * @param clock the clock for expiry and rotation
	 * @param settings namespace, signature purpose and timings
	 */
	public PowSessions(PowStore store, TokenSigner signer, Clock clock, Settings settings) {
		this.store = store;
		this.signer = signer;
		this.clock = clock;
		this.settings = settings;
		this.rotationLocks = settings.namespace() + "_rotation";
	}

	/**
	 * Return the timings and names of these sessions.
	 * @return the settings
	 */
	public Settings settings() {
		return this.settings;
	}

	/**
	 * Start a session for the user, keeping the shared copy of the user up to date.
	 * @param user the user
	 * @param fingerprint identifies the session across rotations; {@code null} for a new one
	 * @param metadata application metadata to keep with the session
	 * @param startedAt when the session began, for its absolute lifetime; {@code null} for now
	 * @return the new session and its signed token
	 */
	public Issued start(PowUser user, String fingerprint, Map<String, String> metadata, Instant startedAt) {
		Instant now = this.clock.instant();
		SessionRecord record = new SessionRecord(user.getId(),
				(fingerprint != null) ? fingerprint : TokenSigner.randomToken(), now, null, metadata,
				(startedAt != null) ? startedAt : now);
		return issue(user, record);
	}

	/**
	 * Check a signed token's signature, which costs no store lookup.
	 * @param signedToken the token as the client sent it
	 * @return the session's key in the store, or empty for an unsigned or tampered token,
	 * or one signed for another purpose
	 */
	public Optional<String> keyOf(String signedToken) {
		return this.signer.verify(this.settings.signaturePurpose(), signedToken).map(TokenHashes::sha256);
	}

	/**
	 * Read a session and its user in one round trip where the store can.
	 * @param key the session's key
	 * @return the session with its user (empty when the user's copy is gone), or empty
	 * when there is no live session
	 */
	public Optional<Found> find(String key) {
		if (this.store instanceof LinkedReadPowStore linkedRead) {
			// One round trip for both reads: a session's principal is its user's key.
			return linkedRead.getLinked(this.settings.namespace(), key, SessionRecord.class, USERS, PowUser.class)
				.map((linked) -> new Found(key, linked.value(), linked.linked()));
		}
		return this.store.get(this.settings.namespace(), key, SessionRecord.class)
			.map((record) -> new Found(key, record,
					this.store.get(USERS, userKey(record.userId()), PowUser.class)));
	}

	/**
	 * Read a session without its user.
	 * @param key the session's key
	 * @return the record, or empty
	 */
	public Optional<SessionRecord> get(String key) {
		return this.store.get(this.settings.namespace(), key, SessionRecord.class);
	}

	/**
	 * Tell whether a session has outlived its absolute lifetime.
	 * @param record the session
	 * @return {@code true} when it must end however active it is
	 */
	public boolean beyondAbsoluteLifetime(SessionRecord record) {
		return beyondAbsoluteLifetime(record.startedAt());
	}

	/**
	 * Tell whether a sign-in at the given time has outlived the absolute lifetime of
	 * sessions.
	 * @param startedAt when the sign-in happened
	 * @return {@code true} when no session may continue it
	 */
	public boolean beyondAbsoluteLifetime(Instant startedAt) {
		Duration absolute = this.settings.absoluteTtl();
		return absolute != null && !this.clock.instant().isBefore(startedAt.plus(absolute));
	}

	/**
	 * Tell whether a session's token is due to be replaced.
	 * @param record the session
	 * @return {@code true} once the renewal interval has passed since it was issued
	 */
	public boolean rotationDue(SessionRecord record) {
		Duration interval = this.settings.renewalInterval();
		return record.rotatedAt() == null && interval != null
				&& !this.clock.instant().isBefore(record.insertedAt().plus(interval));
	}

	/**
	 * Replace a session's token. Only one of several concurrent callers does; the others
	 * carry on with the old token, which stays valid for the grace period.
	 * @param found the session
	 * @param user its user
	 * @return the new token, or empty when another caller is replacing it
	 */
	public Optional<Issued> rotate(Found found, PowUser user) {
		if (!this.store.putIfAbsent(this.rotationLocks, found.key(), Boolean.TRUE, this.settings.rotationGrace())) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		SessionRecord record = found.record();
		putRecord(found.key(), record.rotated(now), this.settings.rotationGrace());
		// Seen now: coarse, as rotation is, and never a write of its own.
		Map<String, String> metadata = new HashMap<>(record.metadata());
		metadata.put(SessionMetadata.LAST_SEEN_AT, now.toString());
		return Optional.of(issue(user, new SessionRecord(record.userId(), record.fingerprint(), now, null, metadata,
				record.startedAt())));
	}

	/**
	 * End one session.
	 * @param key the session's key
	 * @return whether a live session was ended by this call
	 */
	public boolean delete(String key) {
		return this.store.delete(this.settings.namespace(), key);
	}

	/**
	 * End every session of a user with the given fingerprint: leftovers of one being
	 * replaced.
	 * @param userId the user's primary key
	 * @param fingerprint the fingerprint
	 */
	public void deleteWithFingerprint(Long userId, String fingerprint) {
		if (!(this.store instanceof PrincipalIndexedPowStore indexed)) {
			return;
		}
		for (String key : indexed.findKeysByPrincipal(this.settings.namespace(), userKey(userId))) {
			indexed.get(this.settings.namespace(), key, SessionRecord.class)
				.filter((record) -> fingerprint.equals(record.fingerprint()))
				.ifPresent((record) -> indexed.delete(this.settings.namespace(), key));
		}
	}

	/**
	 * Count the live sessions of a user of this kind; a token replaced by rotation, still
	 * accepted for a moment, is not counted again.
	 * @param userId the user's primary key
	 * @return the count, or empty when the store cannot find sessions by user
	 */
	public OptionalInt countLive(Long userId) {
		if (!(this.store instanceof PrincipalIndexedPowStore indexed)) {
			return OptionalInt.empty();
		}
		int live = 0;
		for (String key : indexed.findKeysByPrincipal(this.settings.namespace(), userKey(userId))) {
			if (indexed.get(this.settings.namespace(), key, SessionRecord.class)
				.filter((record) -> record.rotatedAt() == null)
				.isPresent()) {
				live++;
			}
		}
		return OptionalInt.of(live);
	}

	/**
	 * Return the live sessions of a user of this kind, one per fingerprint: a token
	 * replaced by rotation, still accepted for a moment, is not listed again.
	 * @param userId the user's primary key
	 * @return the sessions, empty when the store cannot find sessions by user
	 */
	public List<SessionRecord> live(Long userId) {
		if (!(this.store instanceof PrincipalIndexedPowStore indexed)) {
			return List.of();
		}
		Map<String, SessionRecord> byFingerprint = new LinkedHashMap<>();
		for (String key : indexed.findKeysByPrincipal(this.settings.namespace(), userKey(userId))) {
			indexed.get(this.settings.namespace(), key, SessionRecord.class)
				.filter((record) -> record.rotatedAt() == null)
				.ifPresent((record) -> byFingerprint.merge(record.fingerprint(), record,
						(a, b) -> a.insertedAt().isAfter(b.insertedAt()) ? a : b));
		}
		return List.copyOf(byFingerprint.values());
	}

	/**
	 * Return when a session ends unless it is used: a time to live after its last write,
	 * and never after its absolute lifetime.
	 * @param record the session
	 * @return the time it expires
	 */
	public Instant expiresAt(SessionRecord record) {
		Instant idle = record.insertedAt().plus(this.settings.ttl());
		Duration absolute = this.settings.absoluteTtl();
		Instant hard = (absolute != null) ? record.startedAt().plus(absolute) : idle;
		return idle.isBefore(hard) ? idle : hard;
	}

	/**
	 * End every session of a user of this kind, on every device.
	 * @param userId the user's primary key
	 */
	public void deleteAll(Long userId) {
		if (this.store instanceof PrincipalIndexedPowStore indexed) {
			for (String key : indexed.findKeysByPrincipal(this.settings.namespace(), userKey(userId))) {
				indexed.delete(this.settings.namespace(), key);
			}
		}
	}

	/**
	 * Forget the shared copy of a user, which every session of the user reads: those
	 * sessions then resolve to no user.
	 * @param userId the user's primary key
	 */
	public void deleteUserCopy(Long userId) {
		this.store.delete(USERS, userKey(userId));
	}

	/**
	 * Replace the shared copy of a user, when there is one.
	 * @param user the user as now stored
	 */
	public void refreshUser(PowUser user) {
		String key = userKey(user.getId());
		if (this.store.get(USERS, key, PowUser.class).isPresent()) {
			this.store.put(USERS, key, user, this.settings.ttl());
		}
	}

	private Issued issue(PowUser user, SessionRecord record) {
		String token = TokenSigner.randomToken();
		// The user copy outlives any one session of the user.
		this.store.put(USERS, userKey(user.getId()), user, this.settings.ttl());
		putRecord(TokenHashes.sha256(token), record, this.settings.ttl());
		return new Issued(this.signer.sign(this.settings.signaturePurpose(), token), record);
	}

	private void putRecord(String key, SessionRecord record, Duration ttl) {
		if (this.store instanceof PrincipalIndexedPowStore indexed) {
			indexed.put(this.settings.namespace(), key, record, ttl, userKey(record.userId()));
		}
		else {
			this.store.put(this.settings.namespace(), key, record, ttl);
		}
	}

	private static String userKey(Long userId) {
		return String.valueOf(userId);
	}

	/**
	 * A session just issued.
	 *
	 * @param signedToken the token to hand to the client
	 * @param record what the store keeps for it
	 */
	public record Issued(String signedToken, SessionRecord record) {

	}

	/**
	 * A live session found in the store.
	 *
	 * @param key its key, the hash of its token
	 * @param record what the store keeps for it
	 * @param user the shared copy of its user, or empty when that is gone
	 */
	public record Found(String key, SessionRecord record, Optional<PowUser> user) {

	}

	/**
	 * Names and timings of one kind of session.
	 *
	 * @param namespace the store namespace of its records
	 * @param signaturePurpose the purpose its tokens are signed for
	 * @param ttl how long a session lives after its last write
	 * @param renewalInterval how long a token is used before it rotates, or {@code null} to
	 * never rotate
	 * @param rotationGrace how long a replaced token keeps working
	 * @param absoluteTtl how long a session lives at most, however active, or {@code null}
	 * for no limit
	 */
	public record Settings(String namespace, String signaturePurpose, Duration ttl, Duration renewalInterval,
			Duration rotationGrace, Duration absoluteTtl) {

	}

}
