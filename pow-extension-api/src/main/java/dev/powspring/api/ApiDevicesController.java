package dev.powspring.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.powspring.device.PowDevices;
import dev.powspring.device.PowDevices.ListedDevice;
import dev.powspring.session.SessionMetadata;
import dev.powspring.user.PowUser;
import dev.powspring.web.PowController;
import dev.powspring.web.guard.RequireAuthenticated;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's devices over the API, as the devices page shows them: browser
 * sessions, remembered browsers and API clients, the caller's own marked current.
 * <ul>
 * <li>{@code GET /registration/sessions}: {@code {"data":[...]}}, one entry per device.</li>
 * <li>{@code DELETE /registration/sessions/{id}}: 204, the device is signed out; 404 for an
 * id the user has no device of.</li>
 * <li>{@code DELETE /registration/sessions/others}: {@code {"data":{"ended":n}}}; the caller's
 * tokens keep working.</li>
 * <li>{@code DELETE /registration/sessions}: 204, every device is signed out, the caller
 * too.</li>
 * </ul>
 */
@PowController
@RestController
@RequestMapping("${pow.api.path:/api/v1}/registration/sessions")
@RequireAuthenticated
public class ApiDevicesController extends ApiControllerSupport {

	private final PowDevices devices;

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param devices lists and ends the user's devices
	 */
	public ApiDevicesController(Collaborators collaborators, PowDevices devices) {
		super(collaborators);
		this.devices = devices;
	}

	/**
	 * List the user's devices.
	 */
	@GetMapping
	public ResponseEntity<Map<String, Object>> index(HttpServletRequest request) {
		Optional<PowUser> user = tokenUser(request);
		if (user.isEmpty()) {
			return notAuthenticated(request);
		}
		List<Map<String, Object>> listed = this.devices.list(user.get().getId(), request)
			.stream()
			.map(ApiDevicesController::describe)
			.toList();
		return data(listed);
	}

	/**
	 * Sign out every device but the caller's.
	 */
	@DeleteMapping("/others")
	public ResponseEntity<Map<String, Object>> deleteOthers(HttpServletRequest request) {
		Optional<PowUser> user = tokenUser(request);
		if (user.isEmpty()) {
			return notAuthenticated(request);
		}
		return data(Map.of("ended", this.devices.endOthers(user.get().getId(), request)));
	}

	/**
	 * Sign out one device.
	 */
	@DeleteMapping("/{id}")
	public ResponseEntity<Map<String, Object>> delete(@PathVariable String id, HttpServletRequest request) {
		Optional<PowUser> user = tokenUser(request);
		if (user.isEmpty()) {
			return notAuthenticated(request);
		}
		if (this.devices.end(user.get().getId(), id, request).isEmpty()) {
			return error(request, HttpStatus.NOT_FOUND, "pow.api.messages.not-found");
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * Sign out every device, the caller's own included.
	 */
	@DeleteMapping
	public ResponseEntity<Map<String, Object>> deleteAll(HttpServletRequest request) {
		Optional<PowUser> user = tokenUser(request);
		if (user.isEmpty()) {
			return notAuthenticated(request);
		}
		this.devices.endAll(user.get().getId(), request);
		return ResponseEntity.noContent().build();
	}

	private static Map<String, Object> describe(ListedDevice listed) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("id", listed.id());
		described.put("kind", listed.device().kind().code());
		described.put("current", listed.current());
		described.put("client_address", listed.device().get(SessionMetadata.CLIENT_ADDRESS));
		described.put("browser", listed.device().get(SessionMetadata.BROWSER));
		described.put("os", listed.device().get(SessionMetadata.OS));
		described.put("method", listed.device().get(SessionMetadata.METHOD));
		described.put("signed_in_at", text(listed.device().time(SessionMetadata.SIGNED_IN_AT)));
		described.put("last_seen_at", text(listed.device().time(SessionMetadata.LAST_SEEN_AT)));
		described.put("expires_at", text(listed.device().expiresAt()));
		return described;
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
