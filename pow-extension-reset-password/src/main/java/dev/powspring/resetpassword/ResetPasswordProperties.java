package dev.powspring.resetpassword;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for password reset.
 */
@ConfigurationProperties("pow.reset-password")
public class ResetPasswordProperties {

	/**
	 * Whether password reset is on when its module is on the classpath.
	 */
	private boolean enabled = true;

	/**
	 * How long a reset link works.
	 */
	private Duration tokenTtl = Duration.ofHours(2);

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
