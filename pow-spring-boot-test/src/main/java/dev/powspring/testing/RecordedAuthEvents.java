package dev.powspring.testing;

import java.util.ArrayList;
import java.util.List;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;

import org.springframework.context.event.EventListener;

/**
 * The auth events the application published during a test, oldest first, for tests that
 * assert which {@link PowAuthEvent}s their flows publish. The test kit registers it as a
 * listener; autowire it, {@link #clear()} it before each test, run a flow, then read
 * {@link #single(PowAuthEventType)} or {@link #drain()}. It records from whichever thread
 * serves the request, so it works with MockMvc and with a real server alike. The
 * application's recorder hears every realm's events too, each with its realm; a realm's
 * own recorder, {@code realms.getBean("staff", RecordedAuthEvents.class)}, hears that
 * realm's only.
 */
public class RecordedAuthEvents {

	private final List<PowAuthEvent> events = new ArrayList<>();

	@EventListener
	public synchronized void record(PowAuthEvent event) {
		this.events.add(event);
	}

	/**
	 * Return every event recorded so far, oldest first.
	 * @return the events
	 */
	public synchronized List<PowAuthEvent> all() {
		return List.copyOf(this.events);
	}

	/**
	 * Return the type of every event recorded so far, oldest first.
	 * @return the types
	 */
	public synchronized List<PowAuthEventType> types() {
		return this.events.stream().map(PowAuthEvent::type).toList();
	}

	/**
	 * Return the events of one type, oldest first.
	 * @param type the type
	 * @return the events, maybe none
	 */
	public synchronized List<PowAuthEvent> ofType(PowAuthEventType type) {
		return this.events.stream().filter((event) -> event.type() == type).toList();
	}

	/**
	 * Return the one event of a type.
	 * @param type the type
	 * @return the event
	 * @throws AssertionError when there is none or more than one, listing every event
	 * recorded
	 */
	public synchronized PowAuthEvent single(PowAuthEventType type) {
		List<PowAuthEvent> found = ofType(type);
		if (found.size() != 1) {
			throw new AssertionError("Expected one " + type + " event but found " + found.size() + " among "
					+ this.events);
		}
		return found.get(0);
	}

	/**
	 * Return every event recorded so far and forget them, to check a flow step by step.
	 * @return the events, oldest first
	 */
	public synchronized List<PowAuthEvent> drain() {
		List<PowAuthEvent> drained = List.copyOf(this.events);
		this.events.clear();
		return drained;
	}

	/**
	 * Forget the events recorded so far, say before each test.
	 */
	public synchronized void clear() {
		this.events.clear();
	}

	/**
	 * Assert that no event recorded so far carries one of the secrets (a password, a token,
	 * a code, a link) in its type, details or user agent.
	 * @param secrets what must not appear
	 * @throws AssertionError naming the event that holds one
	 */
	public synchronized void assertNoneHolds(String... secrets) {
		for (PowAuthEvent event : this.events) {
			List<String> values = new ArrayList<>(event.details().values());
			values.addAll(event.details().keySet());
			values.add(event.type().name());
			values.add(event.type().code());
			values.add(event.userAgent());
			for (String secret : secrets) {
				if (values.stream().anyMatch((value) -> value != null && value.contains(secret))) {
					throw new AssertionError("An auth event holds '" + secret + "': " + event);
				}
			}
		}
	}

}
