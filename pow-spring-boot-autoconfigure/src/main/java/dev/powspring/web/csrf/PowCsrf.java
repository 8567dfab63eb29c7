package dev.powspring.web.csrf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import dev.powspring.session.PowSessionManager;
import dev.powspring.session.SessionRecord;
import dev.powspring.token.TokenHashes;
import dev.powspring.token.TokenSigner;
import dev.powspring.web.PowCookie;
import dev.powspring.web.PowCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Issues and checks CSRF tokens, bound to the session. Forms carry a token signed for the
 * purpose "csrf" over what the request is bound to: for a signed-in request, the session
 * (by a hash of its fingerprint, which lives only in the store and stays the same across
 * token rotations); before sign-in, an anonymous pre-session, a random value in an
 * HttpOnly cookie. A cross-site page can neither read the cookie nor forge the signature,
 * and a cookie planted from a sibling domain yields no token for the victim's session.
 * Signing in or out issues a new pre-session, so no token outlives the state it was made
 * for.
 */
public class PowCsrf {

	/** Name of the form parameter carrying the token. */
	public static final String PARAMETER_NAME = "_csrf";

	/** Name of the header carrying the token, for scripts. */
	public static final String HEADER_NAME = "X-CSRF-TOKEN";

	/** Name of the request attribute exposing the token to templates. */
	public static final String ATTRIBUTE = "powCsrf";

	private static final String SIGNATURE_PURPOSE = "csrf";

	/**
	 * Name of the request attribute that marks a request whose token another component
	 * (Spring Security's CSRF filter) has already checked against this class's tokens, so
	 * that Pow does not check it a second time.
	 */
	public static final String CHECKED_ATTRIBUTE = PowCsrf.class.getName() + ".checked";

	// The pre-session value this request works with, once read or issued.
	private static final String PRE_SESSION_ATTRIBUTE = PowCsrf.class.getName() + ".preSession";

	// The token last signed for this request, with what it was bound to.
	private static final String SIGNED_ATTRIBUTE = PowCsrf.class.getName() + ".signed";

	// A pre-session issued for this request whose cookie is not written yet.
	private static final String UNSAVED_ATTRIBUTE = PowCsrf.class.getName() + ".unsaved";

	private final TokenSigner signer;

	private final PowCookie cookie;

	private final PowSessionManager sessions;

	public PowCsrf(TokenSigner signer, String cookieName, PowSessionManager sessions) {
		this(signer, PowCookie.named(cookieName), sessions);
	}

	/**
	 * Create an instance.
	 * @param signer signs the tokens
	 * @param cookie the pre-session cookie
	 * @param sessions the sessions tokens are bound to once signed in
	 */
	public PowCsrf(TokenSigner signer, PowCookie cookie, PowSessionManager sessions) {
		this.signer = signer;
		this.cookie = cookie;
		this.sessions = sessions;
	}

	/**
	 * Make sure the browser has a pre-session cookie and expose the form token as the
	 * request attribute {@value #ATTRIBUTE}, read by templates as {@code ${powCsrf.token}}.
	 * @param request the request
	 * @param response the response, which gets the cookie when the browser has none
	 */
	public void prepare(HttpServletRequest request, HttpServletResponse response) {
		if (preSession(request).isEmpty()) {
			issuePreSession(request, response);
		}
		save(request, response);
		request.setAttribute(ATTRIBUTE, new Token(PARAMETER_NAME, HEADER_NAME, token(request).orElseThrow()));
	}

	/**
	 * Issue a new pre-session and token, after the request signed someone in or out.
	 * @param request the request
	 * @param response the response, which gets the new cookie
	 */
	public void rotate(HttpServletRequest request, HttpServletResponse response) {
		issuePreSession(request, response);
		prepare(request, response);
	}

	/**
	 * Return the token for what the request is bound to, without issuing anything.
	 * @param request the request
	 * @return the token, or empty when the request has neither a session nor a
	 * pre-session
	 */
	public Optional<String> token(HttpServletRequest request) {
		String binding = binding(request);
		if (binding == null) {
			return Optional.empty();
		}
		// Pow's interceptor, Spring Security's filter and the view all ask: sign once per binding.
		if (request.getAttribute(SIGNED_ATTRIBUTE) instanceof SignedBinding signed && signed.binding().equals(binding)) {
			return Optional.of(signed.token());
		}
		String token = this.signer.sign(SIGNATURE_PURPOSE, binding);
		request.setAttribute(SIGNED_ATTRIBUTE, new SignedBinding(binding, token));
		return Optional.of(token);
	}

	/**
	 * Start a new pre-session for the request and return its token; its cookie is written
	 * by {@link #save}. For callers that, like Spring Security's token repositories,
	 * generate a token before they have the response.
	 * @param request the request
	 * @return the new token
	 */
	public String generate(HttpServletRequest request) {
		request.setAttribute(PRE_SESSION_ATTRIBUTE, TokenSigner.randomToken());
		request.setAttribute(UNSAVED_ATTRIBUTE, Boolean.TRUE);
		return token(request).orElseThrow();
	}

	/**
	 * Write the cookie of a pre-session started by {@link #generate}, if any.
	 * @param request the request
	 * @param response the response that gets the cookie
	 */
	public void save(HttpServletRequest request, HttpServletResponse response) {
		if (request.getAttribute(UNSAVED_ATTRIBUTE) != null
				&& request.getAttribute(PRE_SESSION_ATTRIBUTE) instanceof String value) {
			PowCookies.write(request, response, this.cookie, value, null);
			request.removeAttribute(UNSAVED_ATTRIBUTE);
		}
	}

	/**
	 * Return whether the request carries a token for what it is bound to.
	 * @param request the request
	 * @return {@code true} when it does
	 */
	public boolean isValid(HttpServletRequest request) {
		String submitted = request.getHeader(HEADER_NAME);
		if (submitted == null) {
			submitted = request.getParameter(PARAMETER_NAME);
		}
		if (submitted == null) {
			return false;
		}
		String expected = binding(request);
		return expected != null && this.signer.verify(SIGNATURE_PURPOSE, submitted)
			.map((value) -> MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
					expected.getBytes(StandardCharsets.UTF_8)))
			.orElse(false);
	}

	// "s:" and a hash of the session's fingerprint when signed in, "a:" and the
	// pre-session value before; null when there is neither.
	private String binding(HttpServletRequest request) {
		Optional<SessionRecord> session = this.sessions.currentRecord(request);
		if (session.isPresent()) {
			return "s:" + TokenHashes.sha256(session.get().fingerprint());
		}
		return preSession(request).map((value) -> "a:" + value).orElse(null);
	}

	private Optional<String> preSession(HttpServletRequest request) {
		if (request.getAttribute(PRE_SESSION_ATTRIBUTE) instanceof String issued) {
			return Optional.of(issued);
		}
		return PowCookies.read(request, this.cookie).filter(PowCsrf::wellFormed);
	}

	private void issuePreSession(HttpServletRequest request, HttpServletResponse response) {
		String value = TokenSigner.randomToken();
		PowCookies.write(request, response, this.cookie, value, null);
		request.setAttribute(PRE_SESSION_ATTRIBUTE, value);
		request.removeAttribute(UNSAVED_ATTRIBUTE);
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

	private record SignedBinding(String binding, String token) {

	}

}
