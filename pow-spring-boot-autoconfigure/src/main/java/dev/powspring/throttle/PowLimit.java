package dev.powspring.throttle;

import java.time.Duration;

/**
 * A limit: after {@code max} counted events within {@code window} (from the first), further
 * attempts are refused for {@code lockout}.
 */
public class PowLimit {

	/**
	 * Events allowed within the window.
	 */
	private int max;

	/**
	 * Window in which events are counted, from the first one.
	 */
	private Duration window;

	/**
	 * How long attempts are refused once the limit is reached.
	 */
	private Duration lockout;

	public PowLimit() {
	}

	public PowLimit(int max, Duration window, Duration lockout) {
		this.max = max;
		this.window = window;
		this.lockout = lockout;
	}

	public int getMax() {
		return this.max;
	}

	public void setMax(int max) {
		this.max = max;
	}

	public Duration getWindow() {
		return this.window;
	}

	public void setWindow(Duration window) {
		this.window = window;
	}

	public Duration getLockout() {
		return this.lockout;
	}

	public void setLockout(Duration lockout) {
		this.lockout = lockout;
	}

}
