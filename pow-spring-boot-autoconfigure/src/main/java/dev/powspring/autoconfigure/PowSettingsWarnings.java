package dev.powspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The settings that weaken Pow below its secure defaults and common guidance (OWASP
 * session management): throttling off, sessions and remember-me tokens living longer than
 * advised, a random secret key, no base URL, the development mailbox. Each is logged once
 * at startup, most of them here, the others where they are used; {@link #warnings()}
 * lists them all for the {@code pow} Actuator endpoint.
 */
class PowSettingsWarnings implements InitializingBean {

	private static final Log logger = LogFactory.getLog(PowSettingsWarnings.class);

	private static final Duration LONGEST_ABSOLUTE_SESSION = Duration.ofHours(24);

	private static final Duration LONGEST_REMEMBER_ME = Duration.ofDays(30);

	private static final Duration LONGEST_IDLE_SESSION = Duration.ofMinutes(30);

	private final Binder binder;

	PowSettingsWarnings(Environment environment) {
		this.binder = Binder.get(environment);
	}

	@Override
	public void afterPropertiesSet() {
		check().stream().filter(Warning::loggedHere).forEach((warning) -> logger.warn(warning.message()));
	}

	/**
	 * Return every warning about the current settings, including those logged elsewhere.
	 * @return the warnings, empty when no setting weakens Pow
	 */
	List<String> warnings() {
		return check().stream().map(Warning::message).toList();
	}

	private List<Warning> check() {
		List<Warning> warnings = new ArrayList<>();
		if (!StringUtils.hasText(this.binder.bind("pow.secret-key", String.class).orElse(null))) {
			// Logged by the token signer's bean.
			warnings.add(new Warning("pow.secret-key is not set: a random key is used, so sessions do not "
					+ "survive a restart or span nodes", false));
		}
		if (!this.binder.bind("pow.throttle.enabled", Boolean.class).orElse(true)) {
			warnings.add(new Warning("pow.throttle.enabled is false: nothing limits how fast passwords can be guessed",
					true));
		}
		if (!this.binder.bind("pow.host-prefixed-cookies", Boolean.class).orElse(true)) {
			warnings.add(new Warning("pow.host-prefixed-cookies is false: a sibling subdomain or a plain-HTTP page "
					+ "can plant Pow's cookies, such as a session of the attacker's account", true));
		}
		// The session manager's bean logs these two.
		longer("pow.session.ttl", LONGEST_IDLE_SESSION, false, warnings);
		String renewal = this.binder.bind("pow.session.renewal-interval", String.class).orElse(null);
		if (renewal != null && renewal.isBlank()) {
			warnings.add(new Warning("pow.session.renewal-interval is empty: session tokens never rotate", false));
		}
		longer("pow.session.absolute-ttl", LONGEST_ABSOLUTE_SESSION, true, warnings);
		longer("pow.persistent-session.ttl", LONGEST_REMEMBER_ME, true, warnings);
		if (!StringUtils.hasText(this.binder.bind("pow.base-url", String.class).orElse(null))) {
			// Logged by the URL builder's bean.
			warnings.add(new Warning("pow.base-url is not set: links in mails are built from the request", false));
		}
		if (this.binder.bind(PowMailConfiguration.MAILBOX_PROPERTY, Boolean.class).orElse(false)) {
			warnings.add(new Warning("pow.mailbox.enabled is true: mails are not sent but listed at /dev/mailbox",
					false));
		}
		return warnings;
	}

	private void longer(String property, Duration advised, boolean loggedHere, List<Warning> warnings) {
		Duration value = this.binder.bind(property, Duration.class).orElse(null);
		if (value != null && value.compareTo(advised) > 0) {
			warnings.add(new Warning(property + " is " + value + ", longer than the advised " + advised, loggedHere));
		}
	}

	private record Warning(String message, boolean loggedHere) {

	}

}
