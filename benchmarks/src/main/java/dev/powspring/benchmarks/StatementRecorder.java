package dev.powspring.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that remembers the last statement prepared through it, with the values
 * bound to it, so that a benchmark can show PostgreSQL's plan of exactly what the code it
 * measures runs.
 */
final class StatementRecorder extends DelegatingDataSource {

	private String sql;

	private final Map<Integer, Object> values = new TreeMap<>();

	StatementRecorder(DataSource dataSource) {
		super(dataSource);
	}

	/**
	 * Return the last statement prepared.
	 * @return its SQL, with {@code ?} where values are bound
	 */
	String sql() {
		if (this.sql == null) {
			throw new IllegalStateException("No statement was prepared");
		}
		return this.sql;
	}

	/**
	 * Return the values bound to the last statement prepared.
	 * @return the values, in the order of their placeholders
	 */
	List<Object> values() {
		return new ArrayList<>(this.values.values());
	}

	@Override
	public Connection getConnection() throws SQLException {
		return proxy(Connection.class, super.getConnection(), (connection, method, args) -> {
			Object result = invoke(connection, method, args);
			if (result instanceof PreparedStatement statement && args[0] instanceof String sql) {
				this.sql = sql;
				this.values.clear();
				return proxy(PreparedStatement.class, statement, this::recordValue);
			}
			return result;
		});
	}

	// setString(1, "a"), setObject(2, value, type), ...: the first argument is the index.
	private Object recordValue(PreparedStatement statement, Method method, Object[] args) throws Throwable {
		if (method.getName().startsWith("set") && args != null && args.length >= 2
				&& args[0] instanceof Integer index) {
			this.values.put(index, method.getName().equals("setNull") ? null : args[1]);
		}
		return invoke(statement, method, args);
	}

	private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
		InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
		return type.cast(Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] { type },
				invocation));
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@FunctionalInterface
	private interface Handler<T> {

		Object handle(T target, Method method, Object[] args) throws Throwable;

	}

}
