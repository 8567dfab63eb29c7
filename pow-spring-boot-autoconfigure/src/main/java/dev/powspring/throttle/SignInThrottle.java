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
	 * Tell whether a sign-in attempt is refused, and for how long.
	 * @param request the sign-in request
	 * @param userId the user id as submitted
	 * @return how long until attempts are allowed again, or empty
	 */
	public Optional<Duration> refusal(HttpServletRequest request, String userId) {
		Optional<Duration> account = this.throttle.lockedFor(ACCOUNT, UserIds.normalize(userId));
		Optional<Duration> address = this.throttle.lockedFor(ADDRESS, this.addresses.of(request));
		return account.isPresent() ? account : address;
	}

	/**
	 * Count a failed attempt.
	 * @param request the sign-in request
	 * @param userId the user id as submitted
	 */
	public void failed(HttpServletRequest request, String userId) {
		this.throttle.record(this.perAccount, ACCOUNT, UserIds.normalize(userId));
		this.throttle.record(this.perAddress, ADDRESS, this.addresses.of(request));
	}

	/**
	 * Forget an account's failures, after it signed in or its password was reset.
	 * @param userId the user id
	 */
	public void clear(String userId) {
		this.throttle.clear(ACCOUNT, UserIds.normalize(userId));
	}

}
