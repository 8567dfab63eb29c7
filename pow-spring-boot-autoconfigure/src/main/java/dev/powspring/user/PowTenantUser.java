package dev.powspring.user;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * A user that belongs to one tenant, for {@code pow.tenancy.mode=column}: Hibernate fills
 * the {@code tenant_id} column from the current tenant and keeps every query within it.
 * Extend this (or {@link PowTenantUsernameUser}) instead of {@link PowUser}.
 */
@MappedSuperclass
public abstract class PowTenantUser extends PowUser {

	@TenantId
	@Column(name = "tenant_id", nullable = false, updatable = false)
	private String tenantId;

	public String getTenantId() {
		return this.tenantId;
	}

}
