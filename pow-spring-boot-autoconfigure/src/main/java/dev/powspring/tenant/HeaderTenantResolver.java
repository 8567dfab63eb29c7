package dev.powspring.tenant;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.StringUtils;

/**
 * Reads the tenant from a request header, as API gateways and SPAs send it.
 */
public class HeaderTenantResolver implements PowTenantResolver {

	private final String headerName;

	public HeaderTenantResolver(String headerName) {
		this.headerName = headerName;
	}

	@Override
	public Optional<String> resolve(HttpServletRequest request) {
		String tenant = request.getHeader(this.headerName);
		return StringUtils.hasText(tenant) ? Optional.of(tenant.strip()) : Optional.empty();
	}

}
