package dev.powspring.security;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;

/**
 * A stand-in for an anonymous browser's GET of a path, to ask filter chains at startup
 * how they would treat it. It answers what request matchers and authorization rules read
 * (method, path, headers, attributes) and nothing else: every other method returns
 * {@code null}, {@code false} or {@code 0}.
 */
final class ProbeRequest {

	private ProbeRequest() {
	}

	static HttpServletRequest get(String path) {
		Map<String, Object> attributes = new HashMap<>();
		HttpServletMapping mapping = new DefaultServletMapping();
		return (HttpServletRequest) Proxy.newProxyInstance(ProbeRequest.class.getClassLoader(),
				new Class<?>[] { HttpServletRequest.class }, (proxy, method, arguments) -> switch (method.getName()) {
					case "getMethod" -> "GET";
					case "getRequestURI", "getServletPath" -> path;
					case "getRequestURL" -> new StringBuffer("http://localhost" + path);
					case "getContextPath" -> "";
					case "getScheme" -> "http";
					case "getServerName" -> "localhost";
					case "getServerPort", "getLocalPort" -> 80;
					case "getProtocol" -> "HTTP/1.1";
					case "getDispatcherType" -> DispatcherType.REQUEST;
					case "getHttpServletMapping" -> mapping;
					case "getLocale" -> Locale.getDefault();
					case "getHeaderNames", "getHeaders", "getAttributeNames", "getParameterNames", "getLocales" ->
						Collections.emptyEnumeration();
					case "getParameterMap" -> Map.of();
					case "getAttribute" -> attributes.get((String) arguments[0]);
					case "setAttribute" -> attributes.put((String) arguments[0], arguments[1]);
					case "removeAttribute" -> attributes.remove((String) arguments[0]);
					case "equals" -> proxy == arguments[0];
					case "hashCode" -> System.identityHashCode(proxy);
					case "toString" -> "GET " + path;
					default -> defaultValue(method.getReturnType());
				});
	}

	private static Object defaultValue(Class<?> type) {
		if (type == boolean.class) {
			return false;
		}
		if (type == int.class) {
			return 0;
		}
		if (type == long.class) {
			return 0L;
		}
		return null;
	}

	private static final class DefaultServletMapping implements HttpServletMapping {

		@Override
		public String getMatchValue() {
			return "";
		}

		@Override
		public String getPattern() {
			return "/";
		}

		@Override
		public String getServletName() {
			return "dispatcherServlet";
		}

		@Override
		public MappingMatch getMappingMatch() {
			return MappingMatch.DEFAULT;
		}

	}

}
