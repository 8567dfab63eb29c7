package dev.powspring.web.csrf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import dev.powspring.token.TokenSigner;
import dev.powspring.web.PowCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Issues and checks CSRF tokens. The browser holds a random value in an HttpOnly cookie;
 * forms carry that value signed for the purpose "csrf". A cross-site page can neither
 * read the cookie nor forge the signature, and a cookie planted by a sibling domain does
 * not match any form token it could produce.
 */
public class PowCsrf {

	/** Name of the form parameter carrying the token. */
	public static final String PARAMETER_NAME = "_csrf";

	/** Name of the header carrying the token, for scripts. */
	public static final String HEADER_NAME = "X-CSRF-TOKEN";

	/** Name of the request attribute exposing the token to templates. */
	public static final String ATTRIBUTE = "powCsrf";

	private static final String SIGNATURE_PURPOSE = "csrf";

	private final TokenSigner signer;

	private final String cookieName;

	public PowCsrf(TokenSigner signer, String cookieName) {
		this.signer = signer;
		this.cookieName = cookieName;
	}

	/**
	 * Make sure the browser has a CSRF cookie and expose the form token as the request
	 * attribute {@value #ATTRIBUTE}, read by templates as {@code ${powCsrf.token}}.
	 * @param request the request
	 * @param response the response, which gets the cookie when the browser has none
	 */
	public void prepare(HttpServletRequest request, HttpServletResponse response) {
		String secret = PowCookies.read(request, this.cookieName).filter(PowCsrf::wellFormed).orElse(null);
		if (secret == null) {
			secret = TokenSigner.randomToken();
			PowCookies.write(request, response, this.cookieName, secret, null);
		}
		request.setAttribute(ATTRIBUTE, new Token(PARAMETER_NAME, HEADER_NAME, this.signer.sign(SIGNATURE_PURPOSE, secret)));
	}

	/**
	 * Return whether the request carries a token matching its cookie.
	 * @param request the request
	 * @return {@code true} when it does
	 */
	public boolean isValid(HttpServletRequest request) {
		Optional<String> secret = PowCookies.read(request, this.cookieName);
		String submitted = request.getHeader(HEADER_NAME);
		if (submitted == null) {
			submitted = request.getParameter(PARAMETER_NAME);
		}
		if (secret.isEmpty() || submitted == null) {
			return false;
		}
		return this.signer.verify(SIGNATURE_PURPOSE, submitted)
			.map((value) -> MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
					secret.get().getBytes(StandardCharsets.UTF_8)))
			.orElse(false);
	}

	private static boolean wellFormed(String value) {
		return value.length() >= 32 && value.length() <= 64 && value.chars().allMatch(PowCsrf::isTokenCharacter);
	}

	private static boolean isTokenCharacter(int character) {
		return Character.isLetterOrDigit(character) && character < 128 || character == '-' || character == '_';
	}

	/**
	 * The CSRF token as templates see it.
	 *
	 * @param parameterName the form parameter to send it in
	 * @param headerName the header to send it in
	 * @param token the token
	 */
	public record Token(String parameterName, String headerName, String token) {

	}

}
