package dev.powspring.emailconfirmation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for email confirmation.
 */
@ConfigurationProperties("pow.email-confirmation")
public class EmailConfirmationProperties {

	/**
	 * Whether email confirmation is on when its module is on the classpath.
	 */
	private boolean enabled = true;

	/**
	 * How long a confirmation link works.
	 */
	private Duration tokenTtl = Duration.ofDays(3);

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
