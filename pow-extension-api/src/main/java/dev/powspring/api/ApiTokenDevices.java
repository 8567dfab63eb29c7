package dev.powspring.api;

import java.util.List;
import java.util.Optional;

import dev.powspring.device.PowDevice;
import dev.powspring.device.PowDeviceKind;
import dev.powspring.device.PowDeviceSource;
import jakarta.servlet.http.HttpServletRequest;

/**
 * API clients as devices: one per sign-in that can still renew, listed from its renewal
 * token, which lives as long as the sign-in. Ending one ends its access and renewal
 * tokens, so the client gets 401 at its next call and cannot renew.
 */
public class ApiTokenDevices implements PowDeviceSource {

	private final ApiTokens tokens;

	/**
	 * Create an instance.
	 * @param tokens the API tokens
	 */
	public ApiTokenDevices(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public PowDeviceKind kind() {
		return PowDeviceKind.API_TOKEN;
	}

	@Override
	public List<PowDevice> list(Long userId) {
		return this.tokens.live(userId)
			.stream()
			.map((token) -> new PowDevice(PowDeviceKind.API_TOKEN, token.fingerprint(), token.metadata(),
					token.expiresAt()))
			.toList();
	}

	@Override
	public Optional<String> currentFingerprint(HttpServletRequest request) {
		return ApiAuthenticator.token(request).flatMap(this.tokens::fingerprintOf);
	}

	@Override
	public void end(Long userId, String fingerprint) {
		this.tokens.end(userId, fingerprint);
	}

}
