package dev.powspring.tenant;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Names the tenant a request belongs to. Pow ships one per
 * {@code pow.tenancy.resolver} (subdomain, header, path prefix); declare a bean of this
 * type to decide otherwise.
 */
@FunctionalInterface
public interface PowTenantResolver {

	/**
	 * Return the tenant the request names, known or not; Pow answers 404 when no such
	 * tenant exists.
	 * @param request the request
	 * @return the tenant's id, or empty when the request names none
	 */
	Optional<String> resolve(HttpServletRequest request);

	/**
	 * Return the request as the application should see it once its tenant is known; a
	 * resolver that reads the tenant from the path hides it here.
	 * @param request the request
	 * @param tenant its tenant
	 * @return the request, or a wrapper of it
	 */
	default HttpServletRequest scope(HttpServletRequest request, String tenant) {
		return request;
	}

}
