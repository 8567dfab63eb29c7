package dev.powspring.throttle;

import java.time.Duration;
import java.util.Optional;

import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.UserIds;
import dev.powspring.web.PowCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Device cookies, after OWASP's "slow down online guessing attacks with device cookies":
 * a browser that signed in to an account keeps a signed cookie naming the account (by a
 * hash of its user id) and the device (a random value). Sign-in attempts that present one
 * for the account they try are counted for that device alone, so a stranger's failures,
 * which lock the account's shared count, never lock out the owner's known devices.
 */
public class KnownDevices {

	private static final String SIGNATURE_PURPOSE = "device";

	private static final String REMEMBERED_ATTRIBUTE = KnownDevices.class.getName() + ".remembered";

	private final TokenSigner signer;

	private final String cookieName;

	private final Duration ttl;

	/**
	 * Create an instance.
	 * @param signer signs the cookies
	 * @param cookieName the cookie's name
	 * @param ttl how long a browser stays a known device after it last signed in
	 */
	public KnownDevices(TokenSigner signer, String cookieName, Duration ttl) {
		this.signer = signer;
		this.cookieName = cookieName;
		this.ttl = ttl;
	}

	/**
	 * Return the device the request comes from, when it is known for the account.
	 * @param request the sign-in request
	 * @param userId the user id as submitted
	 * @return the device's random value, or empty for an unknown device, a tampered
	 * cookie or one made for another account
	 */
	public Optional<String> deviceOf(HttpServletRequest request, String userId) {
		String account = account(userId);
		return PowCookies.read(request, this.cookieName)
			.flatMap((cookie) -> this.signer.verify(SIGNATURE_PURPOSE, cookie))
			.filter((value) -> value.startsWith(account + ":"))
			.map((value) -> value.substring(account.length() + 1));
	}

	/**
	 * Remember the request's browser as a known device of the account it signed in to.
	 * @param request the sign-in request
	 * @param response the response, which carries the cookie
	 * @param userId the user id signed in with
	 * @param device the device's value when it was known already, else {@code null}
	 */
	public void remember(HttpServletRequest request, HttpServletResponse response, String userId, String device) {
		// Once per response: the throttle and the session manager may both remember a sign-in.
		if (request.getAttribute(REMEMBERED_ATTRIBUTE) != null) {
			return;
		}
		request.setAttribute(REMEMBERED_ATTRIBUTE, Boolean.TRUE);
		String value = account(userId) + ":" + ((device != null) ? device : TokenSigner.randomToken());
		PowCookies.write(request, response, this.cookieName, this.signer.sign(SIGNATURE_PURPOSE, value), this.ttl);
	}

	private static String account(String userId) {
		return TokenHashes.sha256(String.valueOf(UserIds.normalize(userId)));
	}

}
