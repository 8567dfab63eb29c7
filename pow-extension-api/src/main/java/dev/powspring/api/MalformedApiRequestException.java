package dev.powspring.api;

/**
 * A request to the API whose body cannot be read at all: answered with 400.
 */
public class MalformedApiRequestException extends RuntimeException {

	/**
	 * Create an instance.
	 * @param message what is wrong, for the client
	 */
	public MalformedApiRequestException(String message) {
		super(message);
	}

}
