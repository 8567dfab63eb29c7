package dev.powspring.api.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * The observations stopped in the application, by name and low-cardinality key values, as
 * a Micrometer timer would see them.
 */
public class RecordedObservations implements ObservationHandler<Observation.Context> {

	private final List<Stopped> stopped = new CopyOnWriteArrayList<>();

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

	@Override
	public void onStop(Observation.Context context) {
		this.stopped.add(new Stopped(context.getName(), context.getLowCardinalityKeyValues()
			.stream()
			.collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue))));
	}

	public List<Stopped> named(String name) {
		return this.stopped.stream().filter((observation) -> observation.name().equals(name)).toList();
	}

	public void clear() {
		this.stopped.clear();
	}

	/**
	 * An observation that ended.
	 *
	 * @param name its name
	 * @param keyValues its low-cardinality key values
	 */
	public record Stopped(String name, Map<String, String> keyValues) {

	}

}
