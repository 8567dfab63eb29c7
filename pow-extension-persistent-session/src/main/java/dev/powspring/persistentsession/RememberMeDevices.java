package dev.powspring.persistentsession;

import java.util.List;
import java.util.Optional;

import dev.powspring.device.PowDevice;
import dev.powspring.device.PowDeviceKind;
import dev.powspring.device.PowDeviceSource;
import dev.powspring.session.PowSessionManager;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Remembered browsers as devices: one per live remember-me token. Ending one ends the
 * browser sessions it started too, as they share its fingerprint, so that the browser is
 * signed out at its next request rather than carrying on in a restored session.
 */
public class RememberMeDevices implements PowDeviceSource {

	private final PersistentSessionTokens tokens;

	private final PersistentSessionCookies cookies;

	private final PowSessionManager sessions;

	/**
	 * Create an instance.
	 * @param tokens the remember-me tokens
	 * @param cookies reads the request's remember-me cookie
	 * @param sessions ends the browser sessions a remembered device started
	 */
	public RememberMeDevices(PersistentSessionTokens tokens, PersistentSessionCookies cookies,
			PowSessionManager sessions) {
		this.tokens = tokens;
		this.cookies = cookies;
		this.sessions = sessions;
	}

	@Override
	public PowDeviceKind kind() {
		return PowDeviceKind.REMEMBER_ME;
	}

	@Override
	public List<PowDevice> list(Long userId) {
		return this.tokens.live(userId)
			.stream()
			.map((token) -> new PowDevice(PowDeviceKind.REMEMBER_ME, token.fingerprint(), token.metadata(),
					token.expiresAt()))
			.toList();
	}

	@Override
	public Optional<String> currentFingerprint(HttpServletRequest request) {
		return this.cookies.read(request).flatMap(this.tokens::fingerprintOf);
	}

	@Override
	public void end(Long userId, String fingerprint) {
		this.tokens.deleteWithFingerprint(userId, fingerprint);
		this.sessions.deleteWithFingerprint(userId, fingerprint);
	}

}
