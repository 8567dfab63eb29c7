package dev.powspring.persistentsession;

import java.time.Duration;

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
