package dev.powspring.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened to an account or a session, published once as a Spring
 * application event. It never carries a password, a token or a code: only who, where,
 * when, and a few details named in {@link PowAuthEventType}.
 *
 * @param type what happened
 * @param userId the primary key of the user it happened to, or {@code null} when unknown
 * (a failed sign-in with an unknown user id)
 * @param actorId the primary key of the admin who did it, or {@code null} when the user (or
 * Pow) did
 * @param realm the realm it happened in, {@code default} unless realms are configured
 * @param clientAddress the client's address, or {@code null} outside a request
 * @param userAgent the client's user agent, at most 512 characters, or {@code null}
 * @param occurredAt when it happened, by Pow's {@code Clock}
 * @param details further facts, such as {@code method} or {@code reason}
 */
public record PowAuthEvent(PowAuthEventType type, Long userId, Long actorId, String realm, String clientAddress,
		String userAgent, Instant occurredAt, Map<String, String> details) {

	/** Detail: how the user signed in, a {@code SignInMethod} name. */
	public static final String METHOD = "method";

	/** Detail: why, such as the reason a sign-in failed. */
	public static final String REASON = "reason";

	/** Detail: which limit refused a throttled attempt. */
	public static final String LIMIT = "limit";

	/** Reason of a failed sign-in: a wrong user id or password. */
	public static final String BAD_CREDENTIALS = "bad_credentials";

	/** Reason of a failed sign-in: the email address is not confirmed. */
	public static final String UNCONFIRMED = "unconfirmed";

	/** Reason of a failed sign-in: the account is locked. */
	public static final String LOCKED = "locked";

	/** Reason of a failed sign-in: too many attempts. */
	public static final String THROTTLED = "throttled";

	/** Reason of a failed sign-in: a wrong second factor. */
	public static final String SECOND_FACTOR = "second_factor";

	public PowAuthEvent {
		// In the order given, so that the trail and logs read alike on every run.
		details = (details != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(details)) : Map.of();
	}

	/**
	 * Return one detail.
	 * @param name the detail's name
	 * @return its value, or {@code null}
	 */
	public String detail(String name) {
		return this.details.get(name);
	}

}
