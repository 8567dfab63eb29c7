package dev.powspring.autoconfigure;

/**
 * What names the tenant of a request ({@code pow.tenancy.resolver}), when the application
 * declares no {@link dev.powspring.tenant.PowTenantResolver} of its own.
 */
public enum PowTenantResolverType {

	/** The subdomain of {@code pow.tenancy.domain}: {@code acme.example.com}. */
	SUBDOMAIN,

	/** A header, {@code pow.tenancy.header-name}. */
	HEADER,

	/** A path segment after {@code pow.tenancy.path-prefix}: {@code /t/acme/...}. */
	PATH

}
