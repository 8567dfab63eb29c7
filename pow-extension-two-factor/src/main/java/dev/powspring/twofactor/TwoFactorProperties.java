package dev.powspring.twofactor;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.powspring.throttle.PowLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties for two-factor sign-in.
 */
@ConfigurationProperties("pow.two-factor")
public class TwoFactorProperties {

	/**
	 * Whether two-factor sign-in is on when its module is on the classpath.
	 */
	private boolean enabled = true;

	/**
	 * Name authenticator apps show for the account; defaults to spring.application.name,
	 * else "Pow".
	 */
	private String issuer;

	/**
	 * Roles whose users must set two-factor sign-in up at their next sign-in.
	 */
	private Set<String> requiredRoles = new LinkedHashSet<>();

	/**
	 * How long the code page waits for a code after the password was right.
	 */
	private Duration pendingTtl = Duration.ofMinutes(5);

	/**
	 * Wrong codes a pending sign-in takes before it ends and the password is asked again.
	 */
	private int maxAttempts = 5;

	/**
	 * Wrong codes per user before code attempts are refused for a while; a right password
	 * does not reset this count.
	 */
	@NestedConfigurationProperty
	private PowLimit codeAttempts = new PowLimit(10, Duration.ofMinutes(15), Duration.ofMinutes(15));

	/**
	 * Name of the cookie of a pending sign-in.
	 */
	private String pendingCookieName = "pow_two_factor_pending";

	/**
	 * How long "Remember this device" skips the code on a browser; empty for never, which
	 * hides the checkbox.
	 */
	private Duration rememberDevice;

	/**
	 * Name of the cookie of a remembered device.
	 */
	private String rememberDeviceCookieName = "pow_two_factor_device";

	/**
	 * Key the TOTP secrets are encrypted with, at least 32 characters; defaults to one
	 * derived from pow.secret-key.
	 */
	private String encryptionKey;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getIssuer() {
		return this.issuer;
	}

	public void setIssuer(String issuer) {
		this.issuer = issuer;
	}

	public Set<String> getRequiredRoles() {
		return this.requiredRoles;
	}

	public void setRequiredRoles(Set<String> requiredRoles) {
		this.requiredRoles = requiredRoles;
	}

	public Duration getPendingTtl() {
		return this.pendingTtl;
	}

	public void setPendingTtl(Duration pendingTtl) {
		this.pendingTtl = pendingTtl;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public PowLimit getCodeAttempts() {
		return this.codeAttempts;
	}

	public void setCodeAttempts(PowLimit codeAttempts) {
		this.codeAttempts = codeAttempts;
	}

	public String getPendingCookieName() {
		return this.pendingCookieName;
	}

	public void setPendingCookieName(String pendingCookieName) {
		this.pendingCookieName = pendingCookieName;
	}

	public Duration getRememberDevice() {
		return this.rememberDevice;
	}

	public void setRememberDevice(Duration rememberDevice) {
		this.rememberDevice = rememberDevice;
	}

	public String getRememberDeviceCookieName() {
		return this.rememberDeviceCookieName;
	}

	public void setRememberDeviceCookieName(String rememberDeviceCookieName) {
		this.rememberDeviceCookieName = rememberDeviceCookieName;
	}

	public String getEncryptionKey() {
		return this.encryptionKey;
	}

	public void setEncryptionKey(String encryptionKey) {
		this.encryptionKey = encryptionKey;
	}

}
