package dev.powspring.twofactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.powspring.token.TokenSigner;
import dev.powspring.web.PowCookie;
import dev.powspring.web.PowCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Remember this device": a signed cookie, bound to one user, to when that user turned
 * two-factor sign-in on, and to an expiry, that lets a sign-in on this browser skip the
 * second factor. Turning two-factor sign-in off and on again forgets every device. The
 * password is still needed: the cookie replaces only the code.
 */
public class TwoFactorRememberedDevices {

	private static final String SIGNATURE_PURPOSE = "two_factor_device";

	private final TokenSigner signer;

	private final Clock clock;

	private final PowCookie cookie;

	private final Duration ttl;

	/**
	 * Create an instance.
	 * @param signer signs the cookie
	 * @param clock the clock for expiry
	 * @param cookie the cookie
	 * @param ttl how long a device is remembered, or {@code null} when it never is
	 */
	public TwoFactorRememberedDevices(TokenSigner signer, Clock clock, PowCookie cookie, Duration ttl) {
		this.signer = signer;
		this.clock = clock;
		this.cookie = cookie;
		this.ttl = (ttl != null && !ttl.isNegative() && !ttl.isZero()) ? ttl : null;
	}

	/**
	 * Tell whether devices can be remembered at all.
	 * @return {@code true} when a duration is configured
	 */
	public boolean enabled() {
		return this.ttl != null;
	}

	/**
	 * Return how long a device is remembered.
	 * @return the duration, or empty when devices are never remembered
	 */
	public Optional<Duration> ttl() {
		return Optional.ofNullable(this.ttl);
	}

	/**
	 * Remember the request's browser for a user.
	 * @param request the request
	 * @param response the response that carries the cookie
	 * @param userId the user's primary key
	 * @param enabledAt when the user turned two-factor sign-in on
	 */
	public void remember(HttpServletRequest request, HttpServletResponse response, Long userId, Instant enabledAt) {
		if (this.ttl == null) {
			return;
		}
		Instant expiresAt = this.clock.instant().plus(this.ttl);
		String value = userId + ":" + enabledAt.toEpochMilli() + ":" + expiresAt.getEpochSecond();
		PowCookies.write(request, response, this.cookie, this.signer.sign(SIGNATURE_PURPOSE, value), this.ttl);
	}

	/**
	 * Tell whether the request's browser is remembered for a user.
	 * @param request the request, or {@code null}
	 * @param userId the user's primary key
	 * @param enabledAt when the user turned two-factor sign-in on
	 * @return {@code true} when its cookie is valid, unexpired and the user's
	 */
	public boolean remembered(HttpServletRequest request, Long userId, Instant enabledAt) {
		if (this.ttl == null || request == null) {
			return false;
		}
		return PowCookies.read(request, this.cookie)
			.flatMap((signed) -> this.signer.verify(SIGNATURE_PURPOSE, signed))
			.map((value) -> value.split(":"))
			.filter((parts) -> parts.length == 3)
			.filter((parts) -> parts[0].equals(String.valueOf(userId))
					&& parts[1].equals(String.valueOf(enabledAt.toEpochMilli())))
			.filter((parts) -> isFuture(parts[2]))
			.isPresent();
	}

	private boolean isFuture(String epochSecond) {
		try {
			return Instant.ofEpochSecond(Long.parseLong(epochSecond)).isAfter(this.clock.instant());
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
