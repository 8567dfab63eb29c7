package dev.powspring.magiclink;

import java.time.Duration;

import dev.powspring.throttle.PowLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties for magic links.
 */
@ConfigurationProperties("pow.magic-link")
public class MagicLinkProperties {

	/**
	 * Whether magic links are on when their module is on the classpath.
	 */
	private boolean enabled = true;

	/**
	 * How long a magic link works.
	 */
	private Duration tokenTtl = Duration.ofMinutes(15);

	/**
	 * Whether users may register without a password and sign in by magic link only.
	 */
	private boolean passwordOptional;

	/**
	 * Limits on requests for a magic link.
	 */
	private final Throttle throttle = new Throttle();

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

	public boolean isPasswordOptional() {
		return this.passwordOptional;
	}

	public void setPasswordOptional(boolean passwordOptional) {
		this.passwordOptional = passwordOptional;
	}

	public Throttle getThrottle() {
		return this.throttle;
	}

	/**
	 * Limits on requests for a magic link, counted apart from password reset requests.
	 */
	public static class Throttle {

		/**
		 * Magic link requests per email address.
		 */
		@NestedConfigurationProperty
		private PowLimit perTarget = new PowLimit(5, Duration.ofHours(1), Duration.ofHours(1));

		/**
		 * Magic link requests per client address.
		 */
		@NestedConfigurationProperty
		private PowLimit perAddress = new PowLimit(20, Duration.ofHours(1), Duration.ofHours(1));

		public PowLimit getPerTarget() {
			return this.perTarget;
		}

		public void setPerTarget(PowLimit perTarget) {
			this.perTarget = perTarget;
		}

		public PowLimit getPerAddress() {
			return this.perAddress;
		}

		public void setPerAddress(PowLimit perAddress) {
			this.perAddress = perAddress;
		}

	}

}
