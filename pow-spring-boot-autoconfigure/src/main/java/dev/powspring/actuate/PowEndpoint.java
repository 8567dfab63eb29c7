package dev.powspring.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.powspring.device.PowDevice;
import dev.powspring.device.PowDevices;
import dev.powspring.nearcache.NearCachedPowStore;
import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SessionMetadata;
import dev.powspring.store.LiveCountingPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code pow} Actuator endpoint, for operators: which store Pow uses, how many
 * sessions are live, which settings weaken Pow; and a user's signed-in devices, listed
 * and ended. Actuator exposes it only when the application says so, and securing it is
 * the application's job: it shows who signed in from where and signs users out.
 */
@Endpoint(id = "pow")
public class PowEndpoint {

	private static final Pattern PRIMARY_KEY = Pattern.compile("\\d{1,18}");

	private static final Map<String, String> STORE_TYPES = Map.of("dev.powspring.store.JdbcPowStore", "jdbc",
			"dev.powspring.store.RedisPowStore", "redis", "dev.powspring.store.InMemoryPowStore", "memory");

	private final PowStore store;

	private final String realm;

	private final Supplier<List<String>> settingsWarnings;

	private final PowUsersService users;

	private final PowDevices devices;

	/**
	 * Create an instance.
	 * @param store Pow's store
	 * @param realm the realm's name
	 * @param settingsWarnings the warnings about Pow's settings
	 * @param users looks users up, or {@code null} when there is no user entity
	 * @param devices lists and ends devices, or {@code null} without sessions
	 */
	public PowEndpoint(PowStore store, String realm, Supplier<List<String>> settingsWarnings, PowUsersService users,
			PowDevices devices) {
		this.store = store;
		this.realm = realm;
		this.settingsWarnings = settingsWarnings;
		this.users = users;
		this.devices = devices;
	}

	/**
	 * Describe Pow: its store, live sessions (when the store can count them), its realm
	 * and the health of its configuration.
	 * @return the description
	 */
	@ReadOperation
	public Map<String, Object> pow() {
		Map<String, Object> pow = new LinkedHashMap<>();
		pow.put("store", storeType());
		List<String> warnings = new ArrayList<>(this.settingsWarnings.get());
		boolean storeUp = true;
		Long liveSessions = null;
		try {
			this.store.get("health", "probe", String.class);
			if (this.store instanceof LiveCountingPowStore counting) {
				liveSessions = counting.countLive(PowSessionManager.SESSIONS);
			}
		}
		catch (RuntimeException ex) {
			storeUp = false;
			warnings.add("Pow's store is unavailable: " + ex.getMessage());
		}
		pow.put("liveSessions", liveSessions);
		pow.put("realm", this.realm);
		Map<String, Object> health = new LinkedHashMap<>();
		health.put("status", !storeUp ? "DOWN" : warnings.isEmpty() ? "UP" : "WARN");
		health.put("warnings", warnings);
		pow.put("health", health);
		return pow;
	}

	/**
	 * List a user's signed-in devices.
	 * @param user the user's primary key, user id or email address
	 * @return the user and their devices, or {@code null} (404) for an unknown user
	 */
	@ReadOperation
	public Map<String, Object> devices(@Selector String user) {
		Optional<PowUser> found = find(user);
		if (found.isEmpty()) {
			return null;
		}
		List<Map<String, Object>> listed = this.devices.list(found.get().getId(), null)
			.stream()
			.map((device) -> describe(device.id(), device.device()))
			.toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("user", found.get().getId());
		answer.put("devices", listed);
		return answer;
	}

	/**
	 * Sign a user out everywhere: every session, remember-me token and API token.
	 * @param user the user's primary key, user id or email address
	 * @return how many devices were ended, or {@code null} (nothing ended) for an unknown
	 * user
	 */
	@DeleteOperation
	public Map<String, Object> endDevices(@Selector String user) {
		Optional<PowUser> found = find(user);
		if (found.isEmpty()) {
			return null;
		}
		Long userId = found.get().getId();
		long ended = this.devices.list(userId, null).stream().map((device) -> device.device().fingerprint()).distinct()
			.count();
		this.devices.endAll(userId, null);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("user", userId);
		answer.put("ended", ended);
		return answer;
	}

	private Optional<PowUser> find(String user) {
		if (this.users == null || this.devices == null || user == null) {
			return Optional.empty();
		}
		if (PRIMARY_KEY.matcher(user).matches()) {
			Optional<PowUser> byId = this.users.getById(Long.valueOf(user));
			if (byId.isPresent()) {
				return byId;
			}
		}
		Optional<PowUser> byUserId = this.users.getByUserId(user);
		return byUserId.isPresent() ? byUserId : this.users.getByEmail(user);
	}

	private static Map<String, Object> describe(String id, PowDevice device) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("id", id);
		described.put("kind", device.kind().code());
		for (String key : List.of(SessionMetadata.CLIENT_ADDRESS, SessionMetadata.BROWSER, SessionMetadata.OS,
				SessionMetadata.METHOD, SessionMetadata.SIGNED_IN_AT, SessionMetadata.LAST_SEEN_AT)) {
			described.put(key, device.get(key));
		}
		return described;
	}

	private String storeType() {
		PowStore backend = (this.store instanceof NearCachedPowStore cached) ? cached.backend() : this.store;
		String className = backend.getClass().getName();
		String type = STORE_TYPES.getOrDefault(className, className);
		return (backend != this.store) ? type + " with near cache" : type;
	}

}
