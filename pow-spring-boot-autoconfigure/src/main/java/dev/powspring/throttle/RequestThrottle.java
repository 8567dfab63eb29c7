package dev.powspring.throttle;

import java.time.Duration;
import java.util.Optional;

import dev.powspring.user.UserIds;
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
	 * Count an attempt, unless refused. Reserved atomically, so parallel requests never
	 * get past the limit together.
	 * @param request the request
	 * @param target the target of the attempt, normalized as user ids are looked up
	 * @return how long until attempts are allowed again when refused, else empty
	 */
	public Optional<Duration> attempt(HttpServletRequest request, String target) {
		PowThrottle.Reservation address = this.throttle.reserve(this.perAddress, this.bucket + "_address",
				this.addresses.of(request));
		if (address.refusedFor().isPresent()) {
			return address.refusedFor();
		}
		PowThrottle.Reservation perTarget = this.throttle.reserve(this.perTarget, this.bucket + "_target",
				UserIds.normalize(String.valueOf(target)));
		if (perTarget.refusedFor().isPresent()) {
			address.giveBack();
			return perTarget.refusedFor();
		}
		address.spend();
		perTarget.spend();
		return Optional.empty();
	}

}
