package dev.powspring.metrics;

/**
 * What every one of Pow's meters shares.
 */
public final class PowMeters {

	/** The tag every meter carries: the realm, {@code default} unless realms are declared. */
	public static final String REALM_TAG = "realm";

	/**
	 * The name of the observation (and so of the timer) around each sign-in, with low
	 * cardinality key values {@code method} and {@code outcome}.
	 */
	public static final String SIGN_IN_OBSERVATION = "pow.sign.in";

	private PowMeters() {
	}

}
