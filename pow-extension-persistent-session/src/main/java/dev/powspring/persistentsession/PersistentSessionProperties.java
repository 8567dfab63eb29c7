package dev.powspring.persistentsession;

import java.time.Duration;

import dev.powspring.web.PowCookie;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for remember-me.
 */
@ConfigurationProperties("pow.persistent-session")
public class PersistentSessionProperties {

	/**
	 * Whether remember-me is on when its module is on the classpath.
	 */
	private boolean enabled = true;

	/**
	 * Name of the remember-me cookie.
	 */
	private String cookieName = "persistent_session";

	/**
	 * Domain the remember-me cookie is sent to besides the host that set it; empty for that
	 * host only. A cookie with a domain does not get the __Host- prefix.
	 */
	private String cookieDomain;

	/**
	 * Path under which the remember-me cookie is sent. A path other than / drops the
	 * __Host- prefix.
	 */
	private String cookiePath = "/";

	/**
	 * SameSite attribute of the remember-me cookie: Lax, Strict or None (None needs HTTPS).
	 */
	private String cookieSameSite = "Lax";

	/**
	 * How long a remember-me token, and its cookie, lives.
	 */
	private Duration ttl = Duration.ofDays(30);

	/**
	 * How long after a token was replaced it still signs in (without being replaced again),
	 * for a browser restoring many tabs at once. Presented later, it is taken as stolen and
	 * every remember-me token of the user is revoked.
	 */
	private Duration rotationGrace = Duration.ofSeconds(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getCookieName() {
		return this.cookieName;
	}

	public void setCookieName(String cookieName) {
		this.cookieName = cookieName;
	}

	public String getCookieDomain() {
		return this.cookieDomain;
	}

	public void setCookieDomain(String cookieDomain) {
		this.cookieDomain = cookieDomain;
	}

	public String getCookiePath() {
		return this.cookiePath;
	}

	public void setCookiePath(String cookiePath) {
		this.cookiePath = cookiePath;
	}

	public String getCookieSameSite() {
		return this.cookieSameSite;
	}

	public void setCookieSameSite(String cookieSameSite) {
		this.cookieSameSite = cookieSameSite;
	}

	/**
	 * Return the remember-me cookie these settings describe.
	 * @return the cookie
	 */
	public PowCookie cookie() {
		return new PowCookie(this.cookieName, this.cookieDomain, this.cookiePath, this.cookieSameSite);
	}

	public Duration getTtl() {
		return this.ttl;
	}

	public void setTtl(Duration ttl) {
		this.ttl = ttl;
	}

	public Duration getRotationGrace() {
		return this.rotationGrace;
	}

	public void setRotationGrace(Duration rotationGrace) {
		this.rotationGrace = rotationGrace;
	}

}
