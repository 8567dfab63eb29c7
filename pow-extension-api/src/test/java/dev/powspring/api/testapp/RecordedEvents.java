package dev.powspring.api.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;

import org.springframework.context.event.EventListener;

/**
 * Every auth event the application publishes, from whichever server thread publishes it.
 */
public class RecordedEvents {

	private final List<PowAuthEvent> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(PowAuthEvent event) {
		this.events.add(event);
	}

	public List<PowAuthEvent> all() {
		return List.copyOf(this.events);
	}

	public List<PowAuthEvent> of(PowAuthEventType type) {
		return this.events.stream().filter((event) -> event.type() == type).toList();
	}

	public void clear() {
		this.events.clear();
	}

}
