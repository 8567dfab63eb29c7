package dev.powspring.device;

import java.util.Locale;

/**
 * The kinds of signed-in devices.
 */
public enum PowDeviceKind {

	/** A browser session, in the session cookie. */
	WEB_SESSION,

	/** A remembered browser, in the remember-me cookie. */
	REMEMBER_ME,

	/** An API client, with an access and a renewal token. */
	API_TOKEN;

	/**
	 * Return the stable code of this kind.
	 * @return the code, such as {@code web_session}
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
