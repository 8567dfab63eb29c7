package dev.powspring.web;

import java.util.Locale;
import java.util.Set;

import org.springframework.util.StringUtils;

/**
 * Where one of Pow's cookies goes: its name, domain, path and SameSite attribute. Every
 * cookie of Pow's is also HttpOnly, and Secure over HTTPS.
 *
 * @param name the cookie's name
 * @param domain the domain it is sent to besides the host that set it, or {@code null}
 * for that host only
 * @param path the path under which it is sent
 * @param sameSite {@code Lax}, {@code Strict} or {@code None}
 */
public record PowCookie(String name, String domain, String path, String sameSite) {

	private static final Set<String> SAME_SITE_VALUES = Set.of("Lax", "Strict", "None");

	/**
	 * Check and normalise the attributes.
	 * @param name the cookie's name
	 * @param domain the domain, or {@code null} or empty for the setting host only
	 * @param path the path, or {@code null} or empty for {@code /}
	 * @param sameSite the SameSite value, in any case, or {@code null} or empty for
	 * {@code Lax}
	 * @throws IllegalArgumentException when the SameSite value is none of Lax, Strict and
	 * None, or the path does not start with {@code /}
	 */
	public PowCookie {
		domain = StringUtils.hasText(domain) ? domain.trim() : null;
		path = StringUtils.hasText(path) ? path.trim() : "/";
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("The path of cookie " + name + " must start with '/': " + path);
		}
		sameSite = StringUtils.hasText(sameSite) ? StringUtils.capitalize(sameSite.trim().toLowerCase(Locale.ROOT))
				: "Lax";
		if (!SAME_SITE_VALUES.contains(sameSite)) {
			throw new IllegalArgumentException(
					"The SameSite attribute of cookie " + name + " must be Lax, Strict or None: " + sameSite);
		}
	}

	/**
	 * Return a cookie for the setting host only, on every path, with SameSite=Lax: the
	 * defaults.
	 * @param name the cookie's name
	 * @return the cookie
	 */
	public static PowCookie named(String name) {
		return new PowCookie(name, null, "/", "Lax");
	}

	/**
	 * Tell whether the cookie may carry the {@code __Host-} prefix, which browsers accept
	 * only for a cookie of the setting host, on every path.
	 * @return {@code true} when it has no domain and the path {@code /}
	 */
	public boolean hostOnly() {
		return this.domain == null && "/".equals(this.path);
	}

}
