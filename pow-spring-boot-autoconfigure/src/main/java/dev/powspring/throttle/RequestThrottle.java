package dev.powspring.throttle;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Limits requests that cause mail, such as reset requests or invitations: per target
 * (the address mailed, the inviter) and per client address. Every attempt counts.
 */
public class RequestThrottle {

	private final PowThrottle throttle;

	private final ClientAddresses addresses;

	private final String bucket;

	private final PowLimit perTarget;

	private final PowLimit perAddress;

	public RequestThrottle(PowThrottle throttle, ClientAddresses addresses, String bucket, PowLimit perTarget,
			PowLimit perAddress) {
		this.throttle = throttle;
		this.addresses = addresses;
		this.bucket = bucket;
		this.perTarget = perTarget;
		this.perAddress = perAddress;
	}

	/**
	 * Count an attempt, unless refused.
	 * @param request the request
	 * @param target the target of the attempt
	 * @return how long until attempts are allowed again when refused, else empty
	 */
	public Optional<Duration> attempt(HttpServletRequest request, String target) {
		Optional<Duration> address = this.throttle.attempt(this.perAddress, this.bucket + "_address",
				this.addresses.of(request));
		if (address.isPresent()) {
			return address;
		}
		return this.throttle.attempt(this.perTarget, this.bucket + "_target", String.valueOf(target).toLowerCase());
	}

}
