package dev.powspring.security;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.powspring.web.PowHandlers;
import dev.powspring.web.guard.PowGuardInterceptor;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches the requests whose access Pow decides itself: those Pow's controllers handle
 * (core and extensions, under whatever path they are mapped), those its guards reserve for
 * anonymous users ({@code @RequireNotAuthenticated}, {@code pow.guards.not-authenticated-paths}),
 * Pow's stylesheet under {@code /pow/}, and error dispatches, so that a refused request
 * shows the error page rather than a sign-in redirect.
 * <p>
 * The handler is found the way the {@code DispatcherServlet} will find it, on a copy of
 * the request's attributes, so the lookup leaves the request as it was.
 */
public final class PowPagesRequestMatcher implements RequestMatcher {

	private static final RequestMatcher POW_ASSETS = PathPatternRequestMatcher.pathPattern("/pow/**");

	private final Supplier<HandlerMapping> handlerMapping;

	private final PowGuardInterceptor guards;

	/**
	 * Create an instance.
	 * @param handlerMapping the MVC mapping of annotated controllers, looked up on first
	 * use
	 * @param guards Pow's guards
	 */
	public PowPagesRequestMatcher(Supplier<HandlerMapping> handlerMapping, PowGuardInterceptor guards) {
		this.handlerMapping = SingletonSupplier.of(handlerMapping);
		this.guards = guards;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			return true;
		}
		if (POW_ASSETS.matches(request)) {
			return true;
		}
		Object handler = handlerOf(request);
		return PowHandlers.isPows(handler) || this.guards.requiresNotAuthenticated(request, handler);
	}

	private Object handlerOf(HttpServletRequest request) {
		HttpServletRequest isolated = new AttributeIsolatingRequest(request);
		ServletRequestPathUtils.parseAndCache(isolated);
		try {
			HandlerExecutionChain chain = this.handlerMapping.get().getHandler(isolated);
			return (chain != null) ? chain.getHandler() : null;
		}
		catch (Exception ex) {
			// No handler accepts the request as sent (method, media type): not Pow's to open.
			return null;
		}
	}

	@Override
	public String toString() {
		return "Pow's pages";
	}

	// Reads the request's attributes, keeps its own writes.
	private static final class AttributeIsolatingRequest extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		AttributeIsolatingRequest(HttpServletRequest request) {
			super(request);
			for (Enumeration<String> names = request.getAttributeNames(); names.hasMoreElements();) {
				String name = names.nextElement();
				this.attributes.put(name, request.getAttribute(name));
			}
		}

		@Override
		public Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(this.attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

	}

}
