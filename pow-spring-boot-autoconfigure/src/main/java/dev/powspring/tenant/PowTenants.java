package dev.powspring.tenant;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.powspring.migration.PowMigrations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tenants of the application, kept in the table {@code pow_tenants}. In schema mode,
 * creating a tenant creates its schema and runs Pow's migrations there, at once, so a
 * tenant created at runtime can sign users up on its next request, on every node.
 */
public class PowTenants implements InitializingBean {

	private static final Log logger = LogFactory.getLog(PowTenants.class);

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PowMigrations migrations;

	private final TenantSchemas schemas;

	private final List<String> initialTenants;

	// Tenants once seen stay known: a tenant is never removed while the application runs.
	private final Set<String> known = ConcurrentHashMap.newKeySet();

	/**
	 * Create an instance.
	 * @param dataSource the application's database, not bound to any tenant
	 * @param clock the clock
	 * @param migrations Pow's migrations of the application's schema
	 * @param schemas the schema of each tenant in schema mode, or {@code null} in column
	 * mode
	 * @param initialTenants tenants to create at startup when missing
	 */
	public PowTenants(DataSource dataSource, Clock clock, PowMigrations migrations, TenantSchemas schemas,
			List<String> initialTenants) {
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
		this.migrations = migrations;
		this.schemas = schemas;
		this.initialTenants = List.copyOf(initialTenants);
	}

	@Override
	public void afterPropertiesSet() {
		this.migrations.migrate();
		this.initialTenants.forEach(this::create);
		if (this.schemas != null) {
			// A node starting after a Pow upgrade brings every tenant's schema up to date.
			ids().forEach(this::migrate);
		}
	}

	/**
	 * Tell whether a tenant exists.
	 * @param id the tenant's id
	 * @return {@code true} when it does
	 */
	public boolean exists(String id) {
		if (this.known.contains(id)) {
			return true;
		}
		if (id == null || !ID.matcher(id).matches()) {
			return false;
		}
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM pow_tenants WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
		if (exists) {
			this.known.add(id);
		}
		return exists;
	}

	/**
	 * Return every tenant.
	 * @return their ids, in order
	 */
	public List<String> ids() {
		return this.jdbc.sql("SELECT id FROM pow_tenants ORDER BY id").query(String.class).list();
	}

	/**
	 * Create a tenant, ready for its first request; creating one that exists does nothing.
	 * @param id the tenant's id: lower-case letters, digits and dashes, at most 63
	 * @throws IllegalArgumentException when the id is not one
	 */
	public void create(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("A tenant's id is lower-case letters, digits and dashes, at most 63, "
					+ "starting with a letter or digit: '" + id + "' is not");
		}
		if (this.schemas != null) {
			// Before the row: a tenant becomes visible only with its schema in place.
			migrate(id);
		}
		try {
			this.jdbc.sql("INSERT INTO pow_tenants (id, inserted_at) VALUES (:id, :now)")
				.param("id", id)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			logger.info("Created tenant '" + id + "'");
		}
		catch (DuplicateKeyException ex) {
			// Another node, or an earlier start, created it.
		}
		this.known.add(id);
	}

	private void migrate(String id) {
		this.migrations.forSchema(this.schemas.schemaOf(id), List.of(TenantSchemas.REGISTRY_LOCATION)).migrate();
	}

}
