package dev.powspring.throttle;

import java.time.Duration;
import java.util.Optional;

import dev.powspring.session.PowRequestAuthenticator;
import dev.powspring.user.UserIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits failed sign-ins per account and per client address. A refused attempt costs no
 * password hash; unknown user ids count exactly like known ones, so the limit reveals
 * nothing about which accounts exist. An attempt from a {@linkplain KnownDevices known
 * device} of the account counts for that device instead of the account, so strangers'
 * failures never lock the owner out of a device that signed in before.
 */
public class SignInThrottle {

	static final String ACCOUNT = "sign_in_account";

	static final String DEVICE = "sign_in_device";

	static final String ADDRESS = "sign_in_address";

	private final PowThrottle throttle;

	private final ClientAddresses addresses;

	private final PowLimit perAccount;

	private final PowLimit perAddress;

	private final KnownDevices devices;

	/**
	 * Create an instance.
	 * @param throttle counts the attempts
	 * @param addresses tells the client's address
	 * @param perAccount the limit per account, and per known device of an account
	 * @param perAddress the limit per client address
	 * @param devices the device cookies, or {@code null} to count every attempt for the
	 * account
	 */
	public SignInThrottle(PowThrottle throttle, ClientAddresses addresses, PowLimit perAccount, PowLimit perAddress,
			KnownDevices devices) {
		this.throttle = throttle;
		this.addresses = addresses;
		this.perAccount = perAccount;
		this.perAddress = perAddress;
		this.devices = devices;
	}

	/**
	 * Reserve a sign-in attempt before its password check: per known device, or else per
	 * account, and per client address. At most the limit of password checks run per
	 * window, however many requests arrive at once.
	 * @param request the sign-in request
	 * @param userId the user id as submitted
	 * @return the attempt, to settle once the password check is done; or a refusal
	 */
	public Attempt reserve(HttpServletRequest request, String userId) {
		String device = (this.devices != null) ? this.devices.deviceOf(request, userId).orElse(null) : null;
		PowThrottle.Reservation counted = null;
		if (device != null) {
			counted = this.throttle.reserve(this.perAccount, DEVICE, device);
			if (counted.refusedFor().isPresent()) {
				// A device that failed too often is a stranger again.
				device = null;
				counted = null;
			}
		}
		if (counted == null) {
			counted = this.throttle.reserve(this.perAccount, ACCOUNT, UserIds.normalize(userId));
		}
		if (counted.refusedFor().isPresent()) {
			return new Attempt(request, userId, device, counted, counted);
		}
		PowThrottle.Reservation address = this.throttle.reserve(this.perAddress, ADDRESS, this.addresses.of(request));
		if (address.refusedFor().isPresent()) {
			counted.giveBack();
		}
		return new Attempt(request, userId, device, counted, address);
	}

	/**
	 * Forget an account's failures, after it signed in or its password was reset.
	 * @param userId the user id
	 */
	public void clear(String userId) {
		this.throttle.clear(ACCOUNT, UserIds.normalize(userId));
	}

	/**
	 * A reserved sign-in attempt: settle it with {@link #failed()} or
	 * {@link #succeeded(HttpServletResponse)} once the password was checked.
	 */
	public final class Attempt {

		private final HttpServletRequest request;

		private final String userId;

		private final String device;

		private final PowThrottle.Reservation counted;

		private final PowThrottle.Reservation address;

		private boolean settled;

		private Attempt(HttpServletRequest request, String userId, String device, PowThrottle.Reservation counted,
				PowThrottle.Reservation address) {
			this.request = request;
			this.userId = userId;
			this.device = device;
			this.counted = counted;
			this.address = address;
		}

		/**
		 * Tell whether the attempt is refused, and for how long.
		 * @return how long until attempts are allowed again, or empty when it may go on
		 */
		public Optional<Duration> refusedFor() {
			Optional<Duration> counted = this.counted.refusedFor();
			return counted.isPresent() ? counted : this.address.refusedFor();
		}

		/**
		 * The password was wrong: the attempt counts for the device or the account, and
		 * for the address.
		 */
		public void failed() {
			if (settle()) {
				this.counted.spend();
				this.address.spend();
			}
		}

		/**
		 * The password was right: the attempt is given back, the account's and the
		 * device's failures are forgotten, and the browser becomes a known device.
		 * @param response the response, which carries the device cookie
		 */
		public void succeeded(HttpServletResponse response) {
			if (settle()) {
				this.address.giveBack();
				clear(this.userId);
				if (this.device != null) {
					SignInThrottle.this.throttle.clear(DEVICE, this.device);
				}
				// An API client keeps no cookie, so it cannot become a known device.
				if (SignInThrottle.this.devices != null
						&& !PowRequestAuthenticator.decidedByCredentials(this.request)) {
					SignInThrottle.this.devices.remember(this.request, response, this.userId, this.device);
				}
			}
		}

		/**
		 * Give the attempt back unless it was settled: for a sign-in that ended before its
		 * password was checked, such as one a callback halted or a failure of the store.
		 */
		public void release() {
			if (settle()) {
				this.counted.giveBack();
				this.address.giveBack();
			}
		}

		private boolean settle() {
			boolean first = !this.settled;
			this.settled = true;
			return first;
		}

	}

}
