package dev.powspring.invitation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records the auth events the application publishes, from whichever thread serves the
 * request. Import it into a test class and send {@link #USER_AGENT}.
 */
@TestConfiguration(proxyBeanMethods = false)
class AuthEventRecorder {

	/** The user agent the tests send, to find in the events. */
	static final String USER_AGENT = "PowEventsTest/1.0 (X11; Linux x86_64)";

	private final List<PowAuthEvent> events = new CopyOnWriteArrayList<>();

	@EventListener
	void record(PowAuthEvent event) {
		this.events.add(event);
	}

	void clear() {
		this.events.clear();
	}

	List<PowAuthEvent> all() {
		return List.copyOf(this.events);
	}

	List<PowAuthEventType> types() {
		return this.events.stream().map(PowAuthEvent::type).toList();
	}

	/**
	 * Assert that exactly one event of the type was published, about the user, from the
	 * test's client, and return it.
	 */
	PowAuthEvent one(PowAuthEventType type, Long userId) {
		List<PowAuthEvent> found = this.events.stream().filter((event) -> event.type() == type).toList();
		assertThat(found).as("%s events among %s", type, this.events).hasSize(1);
		PowAuthEvent event = found.get(0);
		assertThat(event.userId()).as("user").isEqualTo(userId);
		assertThat(event.actorId()).as("actor").isNull();
		assertThat(event.realm()).isEqualTo("default");
		assertThat(isLoopback(event.clientAddress())).as("client address %s", event.clientAddress()).isTrue();
		assertThat(event.userAgent()).isEqualTo(USER_AGENT);
		assertThat(event.occurredAt()).isNotNull();
		return event;
	}

	/**
	 * Assert that no detail of any event holds one of the given secrets, nor part of a link.
	 */
	void assertNoDetailHolds(String... secrets) {
		for (PowAuthEvent event : this.events) {
			for (String value : event.details().values()) {
				assertThat(value).as("detail of %s", event).doesNotContain("http").doesNotContain("/");
				for (String secret : secrets) {
					assertThat(value).as("detail of %s", event).doesNotContain(secret);
				}
			}
		}
	}

	private static boolean isLoopback(String address) {
		try {
			return address != null && InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
