package dev.powspring.store;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import dev.powspring.user.PowUser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;

/**
 * Turns store values into JSON and back, for backends that keep them outside the JVM.
 * Never Java serialization: a value is its fields as JSON plus its class name, and reads
 * back only as a class assignable to the type asked for. Unknown fields (written by a
 * newer release) are ignored and missing ones (written by an older release) stay empty,
 * so values outlive upgrades. A user's password hash is never written.
 */
public class JsonValueCodec {

	private static final Log logger = LogFactory.getLog(JsonValueCodec.class);

	private final JsonMapper mapper;

	private final ClassLoader classLoader;

	public JsonValueCodec() {
		this(JsonValueCodec.class.getClassLoader());
	}

	public JsonValueCodec(ClassLoader classLoader) {
		this.classLoader = classLoader;
		this.mapper = JsonMapper.builder()
			// Values are records and entities: their fields are their state.
			.changeDefaultVisibility((visibility) -> visibility.withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
				.withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.addMixIn(PowUser.class, PowUserWithoutHash.class)
			.build();
	}

	/**
	 * Encode a value.
	 * @param value the value
	 * @return its class name and JSON
	 */
	public Encoded encode(Object value) {
		try {
			return new Encoded(value.getClass().getName(), this.mapper.writeValueAsString(value));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Cannot store a " + value.getClass().getName() + " as JSON", ex);
		}
	}

	/**
	 * Decode a value, if it is of the type asked for.
	 * @param <T> the type asked for
	 * @param typeName the class name it was written with
	 * @param json its JSON
	 * @param type the type asked for
	 * @return the value, or empty when it is of another type or cannot be read
	 */
	public <T> Optional<T> decode(String typeName, String json, Class<T> type) {
		try {
			Class<?> stored = ClassUtils.forName(typeName, this.classLoader);
			if (!type.isAssignableFrom(stored)) {
				return Optional.empty();
			}
			return Optional.of(type.cast(this.mapper.readValue(json, stored)));
		}
		catch (ClassNotFoundException | LinkageError | JacksonException ex) {
			logger.warn("Ignoring a stored value of type " + typeName + " that cannot be read: " + ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * A value as the store keeps it.
	 *
	 * @param type the value's class name
	 * @param json the value as JSON
	 */
	public record Encoded(String type, String json) {

	}

	abstract static class PowUserWithoutHash {

		@JsonIgnore
		private String passwordHash;

	}

}
