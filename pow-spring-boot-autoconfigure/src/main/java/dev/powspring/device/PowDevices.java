package dev.powspring.device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SessionMetadata;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A user's signed-in devices of every kind, and ending them. Ending a device ends every
 * kind of entry of its sign-in: a remembered device takes the browser sessions it started
 * with it, and a browser session its remember-me token, so that the device is signed out
 * rather than let back in by another of its cookies.
 */
public class PowDevices {

	private static final Comparator<ListedDevice> NEWEST_FIRST = Comparator
		.comparing((ListedDevice listed) -> !listed.current())
		.thenComparing((listed) -> String.valueOf(listed.device().get(SessionMetadata.SIGNED_IN_AT)),
				Comparator.reverseOrder());

	private final List<PowDeviceSource> sources;

	private final PowSessionManager sessions;

	private final PowAuthEvents events;

	/**
	 * Create an instance.
	 * @param sources every kind of device
	 * @param sessions ends every session of a user at once
	 * @param events publishes what was ended
	 */
	public PowDevices(List<PowDeviceSource> sources, PowSessionManager sessions, PowAuthEvents events) {
		this.sources = List.copyOf(sources);
		this.sessions = sessions;
		this.events = events;
	}

	/**
	 * List the user's devices, the request's own first, then newest sign-in first.
	 * @param userId the user's primary key
	 * @param request the request, whose devices are marked current
	 * @return the devices
	 */
	public List<ListedDevice> list(Long userId, HttpServletRequest request) {
		Set<String> current = currentFingerprints(request);
		List<ListedDevice> listed = new ArrayList<>();
		for (PowDeviceSource source : this.sources) {
			for (PowDevice device : source.list(userId)) {
				listed.add(new ListedDevice(device, current.contains(device.fingerprint())));
			}
		}
		listed.sort(NEWEST_FIRST);
		return listed;
	}

	/**
	 * End one device of the user, by the id the list gave.
	 * @param userId the user's primary key
	 * @param id the device's id
	 * @param request the request, for the event
	 * @return the device ended, or empty when the user has no device of that id
	 */
	public Optional<ListedDevice> end(Long userId, String id, HttpServletRequest request) {
		Optional<ListedDevice> found = list(userId, request).stream()
			.filter((listed) -> listed.id().equals(id))
			.findFirst();
		found.ifPresent((listed) -> {
			endSignIn(userId, listed.device().fingerprint());
			this.events.of(PowAuthEventType.SESSIONS_ENDED, userId)
				.detail("scope", "one")
				.detail("kind", listed.device().kind().code())
				.publish(request);
		});
		return found;
	}

	/**
	 * End every device of the user but the request's own.
	 * @param userId the user's primary key
	 * @param request the request, whose device stays signed in
	 * @return how many devices were ended
	 */
	public int endOthers(Long userId, HttpServletRequest request) {
		Set<String> ended = new HashSet<>();
		for (ListedDevice listed : list(userId, request)) {
			if (!listed.current() && ended.add(listed.device().fingerprint())) {
				endSignIn(userId, listed.device().fingerprint());
			}
		}
		this.events.of(PowAuthEventType.SESSIONS_ENDED, userId)
			.detail("scope", "others")
			.detail("count", ended.size())
			.publish(request);
		return ended.size();
	}

	/**
	 * End every device of the user, the request's own included; the caller signs the
	 * request out.
	 * @param userId the user's primary key
	 * @param request the request, for the event
	 */
	public void endAll(Long userId, HttpServletRequest request) {
		this.sessions.deleteAll(userId);
		for (PowDeviceSource source : this.sources) {
			for (PowDevice device : source.list(userId)) {
				source.end(userId, device.fingerprint());
			}
		}
		this.events.of(PowAuthEventType.SESSIONS_ENDED, userId).detail("scope", "all").publish(request);
	}

	private void endSignIn(Long userId, String fingerprint) {
		for (PowDeviceSource source : this.sources) {
			source.end(userId, fingerprint);
		}
	}

	private Set<String> currentFingerprints(HttpServletRequest request) {
		Set<String> current = new HashSet<>();
		if (request != null) {
			for (PowDeviceSource source : this.sources) {
				source.currentFingerprint(request).ifPresent(current::add);
			}
		}
		return current;
	}

	/**
	 * A device as listed for a request.
	 *
	 * @param device the device
	 * @param current whether the request comes from it
	 */
	public record ListedDevice(PowDevice device, boolean current) {

		/**
		 * Return the device's opaque id.
		 * @return the id
		 */
		public String id() {
			return this.device.id();
		}

	}

}
