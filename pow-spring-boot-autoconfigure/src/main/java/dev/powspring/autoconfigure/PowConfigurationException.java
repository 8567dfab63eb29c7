package dev.powspring.autoconfigure;

/**
 * A setting or a missing piece that keeps Pow from starting, with what to do about it.
 * Spring Boot reports it as a failure analysis ("Description" and "Action") instead of a
 * stack trace.
 */
public class PowConfigurationException extends IllegalStateException {

	private final String description;

	private final String action;

	/**
	 * Create an instance.
	 * @param description what is wrong
	 * @param action what to do about it
	 */
	public PowConfigurationException(String description, String action) {
		this(description, action, null);
	}

	/**
	 * Create an instance.
	 * @param description what is wrong
	 * @param action what to do about it
	 * @param cause the failure behind it, or {@code null}
	 */
	public PowConfigurationException(String description, String action, Throwable cause) {
		super(description + " " + action, cause);
		this.description = description;
		this.action = action;
	}

	/**
	 * Return what is wrong.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Return what to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
