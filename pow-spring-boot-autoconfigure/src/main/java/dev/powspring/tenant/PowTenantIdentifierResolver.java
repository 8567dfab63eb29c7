package dev.powspring.tenant;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Hands Hibernate the current tenant ({@link PowTenantContext}); outside any tenant, the
 * root identifier, which the application's own schema (schema mode) or every tenant's rows
 * (column mode) answer to.
 */
public class PowTenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

	/** The identifier of work outside any tenant. */
	public static final String ROOT = "";

	@Override
	public String resolveCurrentTenantIdentifier() {
		return PowTenantContext.current().orElse(ROOT);
	}

	@Override
	public boolean validateExistingCurrentSessions() {
		return true;
	}

	@Override
	public boolean isRoot(String tenantIdentifier) {
		return ROOT.equals(tenantIdentifier);
	}

}
