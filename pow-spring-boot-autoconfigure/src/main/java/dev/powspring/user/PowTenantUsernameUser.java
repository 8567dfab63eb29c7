package dev.powspring.user;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * A user who signs in by user name and belongs to one tenant, for
 * {@code pow.tenancy.mode=column} (see {@link PowTenantUser}).
 */
@MappedSuperclass
public abstract class PowTenantUsernameUser extends PowUsernameUser {

	@TenantId
	@Column(name = "tenant_id", nullable = false, updatable = false)
	private String tenantId;

	public String getTenantId() {
		return this.tenantId;
	}

}
