package dev.powspring.web.csrf;

import java.util.Set;

import dev.powspring.session.PowRequestAuthenticator;
import dev.powspring.session.PowSessionManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Prepares a CSRF token for every handled request, and refuses a state-changing request
 * to a {@link CsrfProtected @CsrfProtected} handler with 403 when it comes from another
 * site (by its {@code Sec-Fetch-Site} or {@code Origin} header) or lacks a valid token.
 * After a request signed someone in or out, a new token is issued. A request whose own
 * credentials decided who it is from (an API token) needs none.
 */
public class CsrfInterceptor implements HandlerInterceptor {

	private static final Log logger = LogFactory.getLog(CsrfInterceptor.class);

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	// What browsers send for a request from the page's own origin, or one the user made
	// directly (a bookmark, the address bar); anything else is another site.
	private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

	private final PowCsrf csrf;

	private final String publicOrigin;

	/**
	 * Create an instance.
	 * @param csrf the tokens
	 * @param baseUrl the application's public URL ({@code pow.base-url}), whose origin
	 * counts as the application's own besides the request's, or {@code null}
	 */
	public CsrfInterceptor(PowCsrf csrf, String baseUrl) {
		this.csrf = csrf;
		this.publicOrigin = StringUtils.hasText(baseUrl)
				? originOf(UriComponentsBuilder.fromUriString(baseUrl.trim()).build()) : null;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (PowRequestAuthenticator.decidedByCredentials(request)) {
			// No cookie authenticates this request, so no other site can forge it; and it
			// gets no CSRF cookie.
			return true;
		}
		if (!SAFE_METHODS.contains(request.getMethod()) && isProtected(handler)) {
			String refusal = fromAnotherSite(request) ? "it comes from another site"
					: (alreadyChecked(request) || this.csrf.isValid(request) ? null
							: "its CSRF token is missing or not this session's");
			if (refusal != null) {
				if (logger.isDebugEnabled()) {
					logger.debug("Refused " + request.getMethod() + " " + request.getRequestURI() + ": " + refusal
							+ " (Origin " + request.getHeader("Origin") + ", Sec-Fetch-Site "
							+ request.getHeader("Sec-Fetch-Site") + ")");
				}
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
				return false;
			}
		}
		this.csrf.prepare(request, response);
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (PowSessionManager.signedInOrOutDuring(request) && !response.isCommitted()
				&& !PowRequestAuthenticator.decidedByCredentials(request)) {
			this.csrf.rotate(request, response);
		}
	}

	// Spring Security's CSRF filter, set up by Pow, checked this very token already.
	private static boolean alreadyChecked(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(PowCsrf.CHECKED_ATTRIBUTE));
	}

	private boolean fromAnotherSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null && !OWN_FETCH_SITES.contains(fetchSite)) {
			return true;
		}
		// "null" tells nothing: browsers send it for a form on a page with a no-referrer
		// policy, as Pow's pages have, so Sec-Fetch-Site and the token decide then.
		String origin = request.getHeader("Origin");
		return origin != null && !origin.equals("null")
				&& !origin.equalsIgnoreCase(origin(request.getScheme(), request.getServerName(), request.getServerPort()))
				&& !origin.equalsIgnoreCase(this.publicOrigin);
	}

	private static String originOf(UriComponents url) {
		return origin(url.getScheme(), url.getHost(), url.getPort());
	}

	// As browsers write an origin: the default port left out.
	private static String origin(String scheme, String host, int port) {
		boolean defaultPort = port < 0 || ("http".equalsIgnoreCase(scheme) && port == 80)
				|| ("https".equalsIgnoreCase(scheme) && port == 443);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}

	private static boolean isProtected(Object handler) {
		return handler instanceof HandlerMethod handlerMethod
				&& (AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), CsrfProtected.class)
						|| AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), CsrfProtected.class));
	}

}
