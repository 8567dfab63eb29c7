package dev.powspring.autoconfigure;

/**
 * Where each tenant's users live ({@code pow.tenancy.mode}).
 */
public enum PowTenancyMode {

	/** No tenancy: one set of users. */
	NONE,

	/** A database schema per tenant, migrated by Pow, with Hibernate's schema multi-tenancy. */
	SCHEMA,

	/** One users table whose {@code tenant_id} column tells the tenants apart. */
	COLUMN

}
