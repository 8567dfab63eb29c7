package dev.powspring.invitation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for invitations.
 */
@ConfigurationProperties("pow.invitation")
public class InvitationProperties {

	/**
	 * Whether invitations are on when their module is on the classpath.
	 */
	private boolean enabled = true;

	/**
	 * How long an invitation link works.
	 */
	private Duration tokenTtl = Duration.ofDays(7);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getTokenTtl() {
		return this.tokenTtl;
	}

	public void setTokenTtl(Duration tokenTtl) {
		this.tokenTtl = tokenTtl;
	}

}
