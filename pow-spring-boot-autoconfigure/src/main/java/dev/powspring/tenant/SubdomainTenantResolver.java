package dev.powspring.tenant;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.Assert;

/**
 * Reads the tenant from the subdomain of a domain: {@code acme.example.com} names
 * {@code acme}. The domain itself and deeper subdomains name none.
 */
public class SubdomainTenantResolver implements PowTenantResolver {

	private final String suffix;

	public SubdomainTenantResolver(String domain) {
		Assert.hasText(domain, "pow.tenancy.domain must name the domain whose subdomains are tenants");
		this.suffix = "." + domain.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	public Optional<String> resolve(HttpServletRequest request) {
		String host = request.getServerName();
		if (host == null) {
			return Optional.empty();
		}
		host = host.toLowerCase(Locale.ROOT);
		if (!host.endsWith(this.suffix)) {
			return Optional.empty();
		}
		String label = host.substring(0, host.length() - this.suffix.length());
		return (label.isEmpty() || label.contains(".")) ? Optional.empty() : Optional.of(label);
	}

}
