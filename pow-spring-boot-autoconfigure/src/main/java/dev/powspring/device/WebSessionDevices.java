package dev.powspring.device;

import java.util.List;
import java.util.Optional;

import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SessionRecord;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Browser sessions as devices.
 */
public class WebSessionDevices implements PowDeviceSource {

	private final PowSessionManager sessions;

	public WebSessionDevices(PowSessionManager sessions) {
		this.sessions = sessions;
	}

	@Override
	public PowDeviceKind kind() {
		return PowDeviceKind.WEB_SESSION;
	}

	@Override
	public List<PowDevice> list(Long userId) {
		return this.sessions.live(userId)
			.stream()
			.map((record) -> new PowDevice(PowDeviceKind.WEB_SESSION, record.fingerprint(), record.metadata(),
					this.sessions.expiresAt(record)))
			.toList();
	}

	@Override
	public Optional<String> currentFingerprint(HttpServletRequest request) {
		return this.sessions.currentRecord(request).map(SessionRecord::fingerprint);
	}

	@Override
	public void end(Long userId, String fingerprint) {
		this.sessions.deleteWithFingerprint(userId, fingerprint);
	}

}
