package dev.powspring.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source whose connections are set to a schema chosen when each is taken: a
 * realm's, or the current tenant's. Pow's SQL, its JDBC store and JPA then reach that
 * schema's tables by their plain names. A connection goes back to the pool set to the
 * schema it came with, since a pool does not restore a schema it was not configured with.
 */
public class SchemaSwitchingDataSource extends DelegatingDataSource {

	private final Supplier<String> schema;

	// The application's schema, the same on every connection of its pool: read once.
	private volatile String applicationSchema;

	/**
	 * Create an instance.
	 * @param target the application's data source
	 * @param schema the schema for the next connection, or {@code null} to leave it
	 */
	public SchemaSwitchingDataSource(DataSource target, Supplier<String> schema) {
		super(target);
		this.schema = schema;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return bind(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return bind(super.getConnection(username, password));
	}

	private Connection bind(Connection connection) throws SQLException {
		String schema = this.schema.get();
		if (schema == null) {
			return connection;
		}
		try {
			String previous = this.applicationSchema;
			if (previous == null) {
				previous = connection.getSchema();
				this.applicationSchema = previous;
			}
			connection.setSchema(schema);
			return (Connection) Proxy.newProxyInstance(ConnectionProxy.class.getClassLoader(),
					new Class<?>[] { ConnectionProxy.class }, new Restoring(connection, previous));
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	private static final class Restoring implements InvocationHandler {

		private final Connection target;

		private final String previous;

		Restoring(Connection target, String previous) {
			this.target = target;
			this.previous = previous;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "getTargetConnection":
					return this.target;
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				case "close":
					try {
						if (!this.target.isClosed() && this.previous != null) {
							this.target.setSchema(this.previous);
						}
					}
					finally {
						this.target.close();
					}
					return null;
				default:
					try {
						return method.invoke(this.target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getTargetException();
					}
			}
		}

	}

}
