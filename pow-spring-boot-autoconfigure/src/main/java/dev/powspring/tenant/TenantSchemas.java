package dev.powspring.tenant;

/**
 * Names each tenant's schema in schema mode: {@code pow.tenancy.schema-prefix} and the
 * tenant's id, dashes made underscores.
 *
 * @param prefix the prefix, such as {@code tenant_}
 */
public record TenantSchemas(String prefix) {

	/** Location of the migration of the tenant registry, which lives in the application's schema. */
	public static final String REGISTRY_LOCATION = "classpath:db/pow/migration/tenancy";

	/**
	 * Return the schema of a tenant.
	 * @param tenant the tenant's id
	 * @return its schema
	 */
	public String schemaOf(String tenant) {
		return this.prefix + tenant.replace('-', '_');
	}

}
