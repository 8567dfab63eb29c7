package dev.powspring.throttle;

import java.time.Duration;
import java.util.Optional;

import dev.powspring.user.UserIds;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Limits failed sign-ins per account and per client address. A refused attempt costs no
 * password hash; unknown user ids count exactly like known ones, so the limit reveals
 * nothing about which accounts exist.
 */
public class SignInThrottle {

	static final String ACCOUNT = "sign_in_account";

	static final String ADDRESS = "sign_in_address";

	private final PowThrottle throttle;

	private final ClientAddresses addresses;

	private final PowLimit perAccount;

	private final PowLimit perAddress;

	public SignInThrottle(PowThrottle throttle, ClientAddresses addresses, PowLimit perAccount, PowLimit perAddress) {
		this.throttle = throttle;
		this.addresses = addresses;
		this.perAccount = perAccount;
		this.perAddress = perAddress;
	}

	/**
	 * Reserve a sign-in attempt before its password check, per account and per client
	 * address. At most the limit of password checks run per window, however many requests
	 * arrive at once.
	 * @param request the sign-in request
	 * @param userId the user id as submitted
	 * @return the attempt, to settle once the password check is done; or a refusal
	 */
	public Attempt reserve(HttpServletRequest request, String userId) {
		PowThrottle.Reservation account = this.throttle.reserve(this.perAccount, ACCOUNT, UserIds.normalize(userId));
		if (account.refusedFor().isPresent()) {
			return new Attempt(account, account, userId);
		}
		PowThrottle.Reservation address = this.throttle.reserve(this.perAddress, ADDRESS, this.addresses.of(request));
		if (address.refusedFor().isPresent()) {
			account.giveBack();
		}
		return new Attempt(account, address, userId);
	}

	/**
	 * Forget an account's failures, after it signed in or its password was reset.
	 * @param userId the user id
	 */
	public void clear(String userId) {
		this.throttle.clear(ACCOUNT, UserIds.normalize(userId));
	}

	/**
	 * A reserved sign-in attempt: settle it with {@link #failed()} or {@link #succeeded()}
	 * once the password was checked.
	 */
	public final class Attempt {

		private final PowThrottle.Reservation account;

		private final PowThrottle.Reservation address;

		private final String userId;

		private boolean settled;

		private Attempt(PowThrottle.Reservation account, PowThrottle.Reservation address, String userId) {
			this.account = account;
			this.address = address;
			this.userId = userId;
		}

		/**
		 * Tell whether the attempt is refused, and for how long.
		 * @return how long until attempts are allowed again, or empty when it may go on
		 */
		public Optional<Duration> refusedFor() {
			Optional<Duration> account = this.account.refusedFor();
			return account.isPresent() ? account : this.address.refusedFor();
		}

		/**
		 * The password was wrong: the attempt counts for the account and the address.
		 */
		public void failed() {
			if (settle()) {
				this.account.spend();
				this.address.spend();
			}
		}

		/**
		 * The password was right: the address gets its attempt back and the account's
		 * failures are forgotten.
		 */
		public void succeeded() {
			if (settle()) {
				this.address.giveBack();
				clear(this.userId);
			}
		}

		/**
		 * Give the attempt back unless it was settled: for a sign-in that ended before its
		 * password was checked, such as one a callback halted or a failure of the store.
		 */
		public void release() {
			if (settle()) {
				this.account.giveBack();
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
