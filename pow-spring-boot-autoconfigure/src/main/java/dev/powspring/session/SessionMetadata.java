package dev.powspring.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.powspring.throttle.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The keys Pow writes into a session's metadata at sign-in, so that a user can tell their
 * devices apart, and how they are read off the request. The browser and operating system
 * are kept as names (such as {@code Firefox} and {@code Linux}) for pages to phrase; the
 * raw user agent is kept too, cut to {@value #USER_AGENT_MAX_LENGTH} characters.
 */
public final class SessionMetadata {

	/** The client's address, as {@link ClientAddresses} reads it. */
	public static final String CLIENT_ADDRESS = "client_address";

	/** The raw {@code User-Agent} header. */
	public static final String USER_AGENT = "user_agent";

	/** The browser the user agent names, such as {@code Chrome}, or {@code Other}. */
	public static final String BROWSER = "browser";

	/** The operating system the user agent names, such as {@code macOS}, or {@code Other}. */
	public static final String OS = "os";

	/** When the user signed in, as an ISO-8601 instant. */
	public static final String SIGNED_IN_AT = "signed_in_at";

	/** How the user signed in: a {@link SignInMethod#name()}. */
	public static final String METHOD = "method";

	/** When the session was last seen: at sign-in, then at each token rotation. */
	public static final String LAST_SEEN_AT = "last_seen_at";

	/** The longest user agent kept. */
	public static final int USER_AGENT_MAX_LENGTH = 512;

	static final String OTHER = "Other";

	private SessionMetadata() {
	}

	/**
	 * Return the metadata of a sign-in: what is given (such as what a remember-me token
	 * kept), with Pow's keys written anew from the request, then what the contributors add.
	 * @param given metadata to start from
	 * @param request the sign-in request
	 * @param addresses reads the client's address
	 * @param method how the user signed in
	 * @param now the time of the sign-in
	 * @return the metadata
	 */
	static Map<String, String> ofSignIn(Map<String, String> given, HttpServletRequest request,
			ClientAddresses addresses, SignInMethod method, Instant now) {
		Map<String, String> metadata = new HashMap<>(given);
		metadata.put(CLIENT_ADDRESS, addresses.of(request));
		String userAgent = request.getHeader("User-Agent");
		if (userAgent != null) {
			metadata.put(USER_AGENT,
					(userAgent.length() > USER_AGENT_MAX_LENGTH) ? userAgent.substring(0, USER_AGENT_MAX_LENGTH)
							: userAgent);
		}
		else {
			metadata.remove(USER_AGENT);
		}
		metadata.put(BROWSER, browser(userAgent));
		metadata.put(OS, os(userAgent));
		metadata.put(METHOD, method.name());
		metadata.put(SIGNED_IN_AT, now.toString());
		metadata.put(LAST_SEEN_AT, now.toString());
		return metadata;
	}

	/**
	 * Name the browser of a user agent; the order matters, as Edge and Opera also call
	 * themselves Chrome, and Chrome calls itself Safari.
	 * @param userAgent the header, or {@code null}
	 * @return the browser's name, or {@code Other}
	 */
	public static String browser(String userAgent) {
		if (userAgent == null) {
			return OTHER;
		}
		if (userAgent.contains("Edg/") || userAgent.contains("EdgA/") || userAgent.contains("EdgiOS/")) {
			return "Edge";
		}
		if (userAgent.contains("OPR/") || userAgent.contains("Opera")) {
			return "Opera";
		}
		if (userAgent.contains("Firefox/") || userAgent.contains("FxiOS/")) {
			return "Firefox";
		}
		if (userAgent.contains("Chrome/") || userAgent.contains("Chromium/") || userAgent.contains("CriOS/")) {
			return "Chrome";
		}
		if (userAgent.contains("Safari/") && userAgent.contains("Version/")) {
			return "Safari";
		}
		return OTHER;
	}

	/**
	 * Name the operating system of a user agent; Android and ChromeOS before Linux, iOS
	 * before macOS, as each names the other too.
	 * @param userAgent the header, or {@code null}
	 * @return the system's name, or {@code Other}
	 */
	public static String os(String userAgent) {
		if (userAgent == null) {
			return OTHER;
		}
		String agent = userAgent.toLowerCase(Locale.ROOT);
		if (agent.contains("android")) {
			return "Android";
		}
		if (agent.contains("iphone") || agent.contains("ipad") || agent.contains("ipod")) {
			return "iOS";
		}
		if (agent.contains("windows")) {
			return "Windows";
		}
		if (agent.contains("mac os x") || agent.contains("macintosh")) {
			return "macOS";
		}
		if (agent.contains("cros")) {
			return "ChromeOS";
		}
		if (agent.contains("linux")) {
			return "Linux";
		}
		return OTHER;
	}

}
