package dev.powspring.autoconfigure;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Logs a warning at startup for each setting that weakens Pow below its secure defaults
 * and common guidance (OWASP session management): throttling off, or sessions and
 * remember-me tokens living longer than advised. Settings of other parts warn where they
 * are used (the secret key, password hashing, mail links).
 */
class PowSettingsWarnings implements InitializingBean {

	private static final Log logger = LogFactory.getLog(PowSettingsWarnings.class);

	private static final Duration LONGEST_ABSOLUTE_SESSION = Duration.ofHours(24);

	private static final Duration LONGEST_REMEMBER_ME = Duration.ofDays(30);

	private final Binder binder;

	PowSettingsWarnings(Environment environment) {
		this.binder = Binder.get(environment);
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.binder.bind("pow.throttle.enabled", Boolean.class).orElse(true)) {
			logger.warn("pow.throttle.enabled is false: nothing limits how fast passwords can be guessed");
		}
		if (!this.binder.bind("pow.host-prefixed-cookies", Boolean.class).orElse(true)) {
			logger.warn("pow.host-prefixed-cookies is false: a sibling subdomain or a plain-HTTP page can plant "
					+ "Pow's cookies, such as a session of the attacker's account");
		}
		warnIfLonger("pow.session.absolute-ttl", LONGEST_ABSOLUTE_SESSION);
		warnIfLonger("pow.persistent-session.ttl", LONGEST_REMEMBER_ME);
	}

	private void warnIfLonger(String property, Duration advised) {
		Duration value = this.binder.bind(property, Duration.class).orElse(null);
		if (value != null && value.compareTo(advised) > 0) {
			logger.warn(property + " is " + value + ", longer than the advised " + advised);
		}
	}

}
