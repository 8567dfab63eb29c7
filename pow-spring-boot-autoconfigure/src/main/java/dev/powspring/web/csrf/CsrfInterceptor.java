package dev.powspring.web.csrf;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Prepares a CSRF token for every handled request, and refuses a state-changing request
 * to a {@link CsrfProtected @CsrfProtected} handler with 403 unless its token is valid.
 */
public class CsrfInterceptor implements HandlerInterceptor {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final PowCsrf csrf;

	public CsrfInterceptor(PowCsrf csrf) {
		this.csrf = csrf;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!SAFE_METHODS.contains(request.getMethod()) && isProtected(handler) && !this.csrf.isValid(request)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return false;
		}
		this.csrf.prepare(request, response);
		return true;
	}

	private static boolean isProtected(Object handler) {
		return handler instanceof HandlerMethod handlerMethod
				&& (AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), CsrfProtected.class)
						|| AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), CsrfProtected.class));
	}

}
