package dev.powspring.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of API tokens.
 */
@ConfigurationProperties("pow.api")
public class ApiProperties {

	/**
	 * Whether the API is on when its module is on the classpath.
	 */
	private boolean enabled = true;

	/**
	 * Base path of the API, under pow.routes.prefix. Requests under it are API requests:
	 * only the Authorization header signs them in, never a cookie, and they need no CSRF
	 * token.
	 */
	private String path = "/api/v1";

	/**
	 * How long an access token signs requests in.
	 */
	private Duration accessTokenTtl = Duration.ofMinutes(30);

	/**
	 * How long a renewal token can renew, from the sign-in it belongs to; renewing never
	 * extends it.
	 */
	private Duration renewalTokenTtl = Duration.ofDays(30);

	/**
	 * How long after a renewal token was used a second use is refused without alarm, for
	 * a client that retried. Used again later, it is taken as stolen and every API token
	 * and session of the user is revoked.
	 */
	private Duration renewalGrace = Duration.ofSeconds(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public Duration getAccessTokenTtl() {
		return this.accessTokenTtl;
	}

	public void setAccessTokenTtl(Duration accessTokenTtl) {
		this.accessTokenTtl = accessTokenTtl;
	}

	public Duration getRenewalTokenTtl() {
		return this.renewalTokenTtl;
	}

	public void setRenewalTokenTtl(Duration renewalTokenTtl) {
		this.renewalTokenTtl = renewalTokenTtl;
	}

	public Duration getRenewalGrace() {
		return this.renewalGrace;
	}

	public void setRenewalGrace(Duration renewalGrace) {
		this.renewalGrace = renewalGrace;
	}

}
