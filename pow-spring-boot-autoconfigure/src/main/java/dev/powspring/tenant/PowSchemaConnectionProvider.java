package dev.powspring.tenant;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.powspring.jdbc.SchemaSwitchingDataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.hibernate.service.UnknownUnwrapTypeException;

/**
 * Hibernate's connections in schema mode: each set to the schema of the tenant Hibernate
 * asks for, and back to the application's when released.
 */
public class PowSchemaConnectionProvider implements MultiTenantConnectionProvider<String> {

	private final DataSource dataSource;

	private final SchemaSwitchingDataSource tenantDataSource;

	/**
	 * Create an instance.
	 * @param dataSource the application's data source, not bound to any tenant
	 * @param schemas the tenants' schemas
	 */
	public PowSchemaConnectionProvider(DataSource dataSource, TenantSchemas schemas) {
		this.dataSource = dataSource;
		this.tenantDataSource = new SchemaSwitchingDataSource(dataSource,
				() -> PowTenantContext.current().map(schemas::schemaOf).orElse(null));
	}

	@Override
	public Connection getAnyConnection() throws SQLException {
		return this.dataSource.getConnection();
	}

	@Override
	public void releaseAnyConnection(Connection connection) throws SQLException {
		connection.close();
	}

	@Override
	public Connection getConnection(String tenantIdentifier) throws SQLException {
		if (PowTenantIdentifierResolver.ROOT.equals(tenantIdentifier)) {
			return getAnyConnection();
		}
		String previous = PowTenantContext.current().orElse(null);
		PowTenantContext.enter(tenantIdentifier);
		try {
			return this.tenantDataSource.getConnection();
		}
		finally {
			PowTenantContext.enter(previous);
		}
	}

	@Override
	public void releaseConnection(String tenantIdentifier, Connection connection) throws SQLException {
		connection.close();
	}

	@Override
	public boolean supportsAggressiveRelease() {
		return false;
	}

	@Override
	public boolean handlesConnectionSchema() {
		return true;
	}

	@Override
	public boolean isUnwrappableAs(Class<?> type) {
		return type.isInstance(this);
	}

	@Override
	public <T> T unwrap(Class<T> type) {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new UnknownUnwrapTypeException(type);
	}

}
