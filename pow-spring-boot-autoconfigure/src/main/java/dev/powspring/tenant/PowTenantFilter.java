package dev.powspring.tenant;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Decides the tenant of every request first: a request that names no tenant, or one that
 * does not exist, gets 404 and reaches nothing else; the others run as their tenant
 * ({@link PowTenantContext}). Shared paths, such as static files, need no tenant.
 */
public class PowTenantFilter extends OncePerRequestFilter {

	private final PowTenantResolver resolver;

	private final PowTenants tenants;

	private final List<PathPattern> sharedPaths;

	public PowTenantFilter(PowTenantResolver resolver, PowTenants tenants, List<String> sharedPaths) {
		this.resolver = resolver;
		this.tenants = tenants;
		this.sharedPaths = sharedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String tenant = this.resolver.resolve(request).filter(this.tenants::exists).orElse(null);
		if (tenant == null) {
			if (isShared(request)) {
				chain.doFilter(request, response);
			}
			else {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
			}
			return;
		}
		HttpServletRequest scoped = this.resolver.scope(request, tenant);
		scoped.setAttribute(PowTenantContext.ATTRIBUTE, tenant);
		String previous = PowTenantContext.current().orElse(null);
		try {
			PowTenantContext.enter(tenant);
			chain.doFilter(scoped, response);
		}
		finally {
			PowTenantContext.enter(previous);
		}
	}

	private boolean isShared(HttpServletRequest request) {
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return this.sharedPaths.stream().anyMatch((pattern) -> pattern.matches(path));
	}

}
