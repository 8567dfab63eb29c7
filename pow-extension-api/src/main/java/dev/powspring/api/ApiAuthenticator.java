package dev.powspring.api;

import java.util.Optional;

import dev.powspring.session.PowRequestAuthenticator;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UrlPathHelper;

/**
 * Decides API requests by their {@code Authorization} header, which carries the access
 * token raw, as Pow's clients send it, or as {@code Bearer <token>}.
 * <ul>
 * <li>A request with such a header, anywhere in the application, is signed in as the
 * token's user, or is anonymous when the token is not a live access token.</li>
 * <li>A request under the API's path without one is anonymous: there, cookies never sign
 * a request in.</li>
 * <li>Any other request is left to the session cookie.</li>
 * </ul>
 */
public class ApiAuthenticator implements PowRequestAuthenticator {

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final String apiPath;

	/**
	 * Create an instance.
	 * @param tokens the API tokens
	 * @param apiPath the API's base path, with the routes prefix
	 */
	public ApiAuthenticator(ApiTokens tokens, String apiPath) {
		this.tokens = tokens;
		this.apiPath = apiPath;
	}

	@Override
	public Optional<Verdict> authenticate(HttpServletRequest request) {
		Optional<String> token = token(request);
		if (token.isPresent()) {
			return Optional.of(new Verdict(this.tokens.authenticate(token.get()).orElse(null)));
		}
		return isApiRequest(request) ? Optional.of(Verdict.anonymous()) : Optional.empty();
	}

	/**
	 * Read the token of a request's {@code Authorization} header.
	 * @param request the request
	 * @return the token, or empty when the header is missing or of another scheme (such
	 * as Basic)
	 */
	public static Optional<String> token(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		String value = header.strip();
		if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.of(value.substring(BEARER.length()).strip());
		}
		// Pow's clients send the token alone; a value with a space has another scheme.
		return value.contains(" ") ? Optional.empty() : Optional.of(value);
	}

	private boolean isApiRequest(HttpServletRequest request) {
		// Decoded, without path parameters, as handler mapping sees it.
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		return path.equals(this.apiPath) || path.startsWith(this.apiPath + "/");
	}

}
