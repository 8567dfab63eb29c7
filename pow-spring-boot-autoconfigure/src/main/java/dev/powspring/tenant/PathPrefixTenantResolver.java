package dev.powspring.tenant;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Reads the tenant from the path segment after a prefix: {@code /t/acme/notes} names
 * {@code acme}. The application then sees {@code /notes} under the context path
 * {@code /t/acme}, so its mappings, links and redirects stay within the tenant.
 */
public class PathPrefixTenantResolver implements PowTenantResolver {

	private final String prefix;

	public PathPrefixTenantResolver(String prefix) {
		String trimmed = (prefix != null) ? prefix.strip() : "";
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		this.prefix = trimmed;
	}

	@Override
	public Optional<String> resolve(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith(this.prefix + "/")) {
			return Optional.empty();
		}
		String rest = path.substring(this.prefix.length() + 1);
		int end = rest.indexOf('/');
		String tenant = (end < 0) ? rest : rest.substring(0, end);
		return tenant.isEmpty() ? Optional.empty() : Optional.of(tenant);
	}

	@Override
	public HttpServletRequest scope(HttpServletRequest request, String tenant) {
		String contextPath = request.getContextPath() + this.prefix + "/" + tenant;
		String servletPath = request.getRequestURI().substring(contextPath.length());
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getContextPath() {
				return contextPath;
			}

			@Override
			public String getServletPath() {
				return servletPath;
			}

			@Override
			public String getPathInfo() {
				return null;
			}

		};
	}

}
