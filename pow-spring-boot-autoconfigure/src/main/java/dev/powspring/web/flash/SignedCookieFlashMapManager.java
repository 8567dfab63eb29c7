package dev.powspring.web.flash;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.powspring.token.TokenSigner;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.util.Assert;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.AbstractFlashMapManager;

/**
 * A {@link FlashMapManager} that keeps flash attributes in a signed cookie instead of
 * the HTTP session, so that flash messages survive a redirect without creating a
 * session and whichever node serves the next request.
 * <p>
 * Only {@link String} attribute values are kept, which is all Pow's flash messages
 * need; other values are skipped. The cookie is signed with the {@code "flash"}
 * purpose but not encrypted, so its content is readable by the client and must not
 * hold secrets. A cookie that does not verify, does not decode or is larger than 4 KB
 * is ignored as if there were no flash attributes.
 * <p>
 * Expiry is measured with the given {@link Clock} and stored in the cookie.
 * {@link FlashMap#isExpired()} reads the system clock instead, so the flash maps
 * handed to the base class are marked as never expiring, and those past their stored
 * expiry are dropped here. The cookie's {@code Max-Age} also ends with the last
 * flash map, so browsers discard it on their own.
 * <p>
 * There is no session to lock on, so concurrent requests from one browser may
 * overwrite each other's flash attributes; the last cookie written wins.
 */
public class SignedCookieFlashMapManager extends AbstractFlashMapManager {

	/**
	 * The default name of the flash cookie.
	 */
	public static final String DEFAULT_COOKIE_NAME = "pow_flash";

	private static final String PURPOSE = "flash";

	// Browsers drop larger cookies, so larger ones cannot be ours.
	private static final int MAX_COOKIE_SIZE = 4096;

	private static final String FORMAT_VERSION = "1";

	private static final String MAP_SEPARATOR = "|";

	private static final String FIELD_SEPARATOR = "&";

	private static final String PATH_KEY = "p";

	private static final String EXPIRY_KEY = "e";

	private static final String PARAM_PREFIX = "q.";

	private static final String ATTRIBUTE_PREFIX = "a.";

	private static final String STATE_ATTRIBUTE = SignedCookieFlashMapManager.class.getName() + ".STATE";

	private final TokenSigner signer;

	private final Clock clock;

	private String cookieName = DEFAULT_COOKIE_NAME;

	/**
	 * Create a manager that signs its cookie with the given signer.
	 * @param signer the signer for the flash cookie
	 * @param clock the clock flash attributes expire by
	 */
	public SignedCookieFlashMapManager(TokenSigner signer, Clock clock) {
		Assert.notNull(signer, "signer must not be null");
		Assert.notNull(clock, "clock must not be null");
		this.signer = signer;
		this.clock = clock;
	}

	/**
	 * Set the name of the flash cookie. Default is {@value #DEFAULT_COOKIE_NAME}.
	 * @param cookieName the cookie name
	 * @throws IllegalArgumentException if the name is empty or not a valid cookie name
	 */
	public void setCookieName(String cookieName) {
		Assert.hasText(cookieName, "cookieName must not be empty");
		// Fail now rather than on the first redirect.
		ResponseCookie.from(cookieName, "").build();
		this.cookieName = cookieName;
	}

	/**
	 * Return the name of the flash cookie.
	 * @return the cookie name
	 */
	public String getCookieName() {
		return this.cookieName;
	}

	@Override
	protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		List<FlashMap> maps = new ArrayList<>();
		for (Entry entry : getState(request).entries()) {
			maps.add(entry.map());
		}
		return maps;
	}

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
			HttpServletResponse response) {
		State previous = getState(request);
		long now = this.clock.millis();
		List<Entry> entries = new ArrayList<>();
		for (FlashMap map : flashMaps) {
			long expiresAt = previous.expiryOf(map, now + getFlashMapTimeout() * 1000L);
			FlashMap kept = stringsOnly(map);
			if (expiresAt > now && !kept.isEmpty()) {
				entries.add(new Entry(kept, expiresAt));
			}
		}
		String value = encode(entries);
		while (value != null && this.cookieName.length() + 1 + value.length() > MAX_COOKIE_SIZE) {
			this.logger.warn("Flash attributes do not fit in a cookie; dropping the oldest flash map");
			entries.remove(0);
			value = encode(entries);
		}
		if (value != null) {
			writeCookie(request, response, value, maxAge(entries, now));
		}
		else if (previous.cookiePresent()) {
			writeCookie(request, response, "", Duration.ZERO);
		}
		// Once cleared, the browser holds no flash cookie that a later update must clear.
		request.setAttribute(STATE_ATTRIBUTE, new State(entries, value != null));
	}

	/**
	 * Return {@code null}: without a session there is nothing to lock on.
	 */
	@Override
	protected Object getFlashMapsMutex(HttpServletRequest request) {
		return null;
	}

	// The state is read from the cookie once per request and kept up to date as
	// flash maps change, since the request's cookie goes stale after the first update.
	private State getState(HttpServletRequest request) {
		if (request.getAttribute(STATE_ATTRIBUTE) instanceof State state) {
			return state;
		}
		State state = readCookie(request);
		request.setAttribute(STATE_ATTRIBUTE, state);
		return state;
	}

	private State readCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return new State(List.of(), false);
		}
		boolean present = false;
		for (Cookie cookie : cookies) {
			if (this.cookieName.equals(cookie.getName())) {
				present = true;
				List<Entry> entries = decode(cookie.getValue());
				if (entries != null) {
					long now = this.clock.millis();
					entries.removeIf((entry) -> entry.expiresAt() <= now);
					return new State(entries, true);
				}
			}
		}
		return new State(List.of(), present);
	}

	private void writeCookie(HttpServletRequest request, HttpServletResponse response, String value,
			Duration maxAge) {
		if (response.isCommitted()) {
			this.logger.warn("Response already committed; cannot update the flash cookie");
			return;
		}
		ResponseCookie cookie = ResponseCookie.from(this.cookieName, value)
			.path("/")
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.maxAge(maxAge)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private Duration maxAge(List<Entry> entries, long now) {
		long last = entries.stream().mapToLong(Entry::expiresAt).max().orElse(now);
		// Rounded up so the cookie never ends before its last flash map.
		return Duration.ofSeconds((last - now + 999) / 1000);
	}

	private FlashMap stringsOnly(FlashMap map) {
		FlashMap result = newFlashMap();
		result.setTargetRequestPath(map.getTargetRequestPath());
		result.addTargetRequestParams(map.getTargetRequestParams());
		for (Map.Entry<String, Object> attribute : map.entrySet()) {
			if (attribute.getValue() instanceof String value) {
				result.put(attribute.getKey(), value);
			}
			else if (this.logger.isDebugEnabled()) {
				this.logger.debug("Skipping flash attribute '" + attribute.getKey()
						+ "': only String values can be kept in the flash cookie");
			}
		}
		return result;
	}

	// Returns null when there is nothing to store.
	private String encode(List<Entry> entries) {
		if (entries.isEmpty()) {
			return null;
		}
		StringBuilder payload = new StringBuilder(FORMAT_VERSION);
		for (Entry entry : entries) {
			FlashMap map = entry.map();
			List<String> fields = new ArrayList<>();
			fields.add(EXPIRY_KEY + "=" + entry.expiresAt());
			if (map.getTargetRequestPath() != null) {
				fields.add(PATH_KEY + "=" + urlEncode(map.getTargetRequestPath()));
			}
			map.getTargetRequestParams()
				.forEach((name, values) -> values
					.forEach((value) -> fields.add(PARAM_PREFIX + urlEncode(name) + "=" + urlEncode(value))));
			map.forEach((name, value) -> fields
				.add(ATTRIBUTE_PREFIX + urlEncode(name) + "=" + urlEncode((String) value)));
			payload.append(MAP_SEPARATOR).append(String.join(FIELD_SEPARATOR, fields));
		}
		String encoded = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
		return this.signer.sign(PURPOSE, encoded);
	}

	// Returns null for anything that is not a well-formed cookie written by us.
	private List<Entry> decode(String cookieValue) {
		if (cookieValue == null || cookieValue.length() > MAX_COOKIE_SIZE) {
			return null;
		}
		String encoded = this.signer.verify(PURPOSE, cookieValue).orElse(null);
		if (encoded == null) {
			this.logger.debug("Ignoring flash cookie with an invalid signature");
			return null;
		}
		try {
			String payload = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
			String[] maps = payload.split("\\" + MAP_SEPARATOR, -1);
			if (!FORMAT_VERSION.equals(maps[0])) {
				return null;
			}
			List<Entry> entries = new ArrayList<>();
			for (int i = 1; i < maps.length; i++) {
				entries.add(decodeEntry(maps[i]));
			}
			return entries;
		}
		catch (IllegalArgumentException ex) {
			// A valid signature over a bad payload means a format we no longer read.
			this.logger.debug("Ignoring flash cookie that cannot be decoded", ex);
			return null;
		}
	}

	private Entry decodeEntry(String encodedMap) {
		FlashMap map = newFlashMap();
		Long expiresAt = null;
		for (String field : encodedMap.split(FIELD_SEPARATOR, -1)) {
			int equals = field.indexOf('=');
			if (equals < 0) {
				throw new IllegalArgumentException("Flash field without '='");
			}
			String key = field.substring(0, equals);
			String value = urlDecode(field.substring(equals + 1));
			if (key.equals(EXPIRY_KEY)) {
				expiresAt = Long.parseLong(value);
			}
			else if (key.equals(PATH_KEY)) {
				map.setTargetRequestPath(value);
			}
			else if (key.startsWith(PARAM_PREFIX)) {
				map.addTargetRequestParam(urlDecode(key.substring(PARAM_PREFIX.length())), value);
			}
			else if (key.startsWith(ATTRIBUTE_PREFIX)) {
				map.put(urlDecode(key.substring(ATTRIBUTE_PREFIX.length())), value);
			}
			else {
				throw new IllegalArgumentException("Unknown flash field '" + key + "'");
			}
		}
		if (expiresAt == null) {
			throw new IllegalArgumentException("Flash map without expiry");
		}
		return new Entry(map, expiresAt);
	}

	// FlashMap.isExpired() reads the system clock, so the maps the base class sees
	// never expire; the Entry holding a map carries its expiry by our clock.
	private static FlashMap newFlashMap() {
		FlashMap map = new FlashMap();
		map.setExpirationTime(-1);
		return map;
	}

	private static String urlEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String urlDecode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private record Entry(FlashMap map, long expiresAt) {
	}

	// cookiePresent: whether the browser holds a flash cookie, so that an empty
	// update must clear it.
	private record State(List<Entry> entries, boolean cookiePresent) {

		// Flash maps are matched by identity: FlashMap.equals compares content, and
		// two maps with the same content may expire at different times.
		long expiryOf(FlashMap map, long expiryIfNew) {
			for (Entry entry : this.entries) {
				if (entry.map() == map) {
					return entry.expiresAt();
				}
			}
			return expiryIfNew;
		}

	}

}
