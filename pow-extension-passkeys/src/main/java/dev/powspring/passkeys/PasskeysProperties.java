package dev.powspring.passkeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.powspring.throttle.PowLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties for passkeys (WebAuthn).
 */
@ConfigurationProperties("pow.passkeys")
public class PasskeysProperties {

	/**
	 * Whether passkeys are on when their module is on the classpath.
	 */
	private boolean enabled = true;

	/**
	 * Relying party id: the domain passkeys are bound to, such as example.com. Defaults to
	 * the host of pow.base-url.
	 */
	private String rpId;

	/**
	 * Relying party name that authenticators show when a passkey is made. Defaults to
	 * spring.application.name, else the relying party id.
	 */
	private String rpName;

	/**
	 * Origins that passkey ceremonies may come from, such as https://example.com.
	 * Defaults to the origin of pow.base-url.
	 */
	private List<String> origins = new ArrayList<>();

	/**
	 * How long a registration or sign-in challenge can be answered.
	 */
	private Duration challengeTtl = Duration.ofMinutes(5);

	/**
	 * Whether authenticators must verify the user (PIN, biometrics): required, preferred
	 * or discouraged. A passkey sign-in without user verification is one factor only.
	 */
	private UserVerification userVerification = UserVerification.PREFERRED;

	/**
	 * Passkey sign-in attempts per client address.
	 */
	@NestedConfigurationProperty
	private PowLimit signInPerAddress = new PowLimit(50, Duration.ofMinutes(15), Duration.ofMinutes(15));

	/**
	 * Passkey sign-in attempts per credential id.
	 */
	@NestedConfigurationProperty
	private PowLimit signInPerCredential = new PowLimit(20, Duration.ofMinutes(15), Duration.ofMinutes(15));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getRpId() {
		return this.rpId;
	}

	public void setRpId(String rpId) {
		this.rpId = rpId;
	}

	public String getRpName() {
		return this.rpName;
	}

	public void setRpName(String rpName) {
		this.rpName = rpName;
	}

	public List<String> getOrigins() {
		return this.origins;
	}

	public void setOrigins(List<String> origins) {
		this.origins = origins;
	}

	public Duration getChallengeTtl() {
		return this.challengeTtl;
	}

	public void setChallengeTtl(Duration challengeTtl) {
		this.challengeTtl = challengeTtl;
	}

	public UserVerification getUserVerification() {
		return this.userVerification;
	}

	public void setUserVerification(UserVerification userVerification) {
		this.userVerification = userVerification;
	}

	public PowLimit getSignInPerAddress() {
		return this.signInPerAddress;
	}

	public void setSignInPerAddress(PowLimit signInPerAddress) {
		this.signInPerAddress = signInPerAddress;
	}

	public PowLimit getSignInPerCredential() {
		return this.signInPerCredential;
	}

	public void setSignInPerCredential(PowLimit signInPerCredential) {
		this.signInPerCredential = signInPerCredential;
	}

	/**
	 * Whether authenticators are asked to verify the user, as WebAuthn names it.
	 */
	public enum UserVerification {

		/** The user must be verified; passkeys that cannot are refused. */
		REQUIRED,

		/** The user is verified when the authenticator can. */
		PREFERRED,

		/** The user is not asked for verification. */
		DISCOURAGED;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
