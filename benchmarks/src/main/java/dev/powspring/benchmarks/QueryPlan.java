package dev.powspring.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's plan of the query some code runs, as {@code EXPLAIN (ANALYZE, BUFFERS)}
 * shows it, both as planned for a connection's first execution and as a pooled connection
 * keeps running it. Once a connection has run a statement a few times, PostgreSQL's JDBC
 * driver prepares it on the server; PostgreSQL plans the first five executions of a
 * prepared statement for their values and may then keep one generic plan for any value,
 * which can be a different one: both are shown. The statement is prepared here with
 * {@code PREPARE}, which PostgreSQL plans the same way.
 */
final class QueryPlan {

	private static final int CUSTOM_PLANS = 5;

	private QueryPlan() {
	}

	/**
	 * Run some code once, then explain the last query it ran, running that query six more
	 * times.
	 * @param dataSource the database
	 * @param code the code, given a client on the database
	 * @return the query, its values and its two plans
	 */
	static String explain(DataSource dataSource, Consumer<JdbcClient> code) {
		StatementRecorder recorder = new StatementRecorder(dataSource);
		code.accept(JdbcClient.create(recorder));
		String arguments = recorder.values().stream().map(QueryPlan::literal).collect(Collectors.joining(", "));
		String execute = "EXECUTE pow_explained" + (arguments.isEmpty() ? "" : "(" + arguments + ")");
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("PREPARE pow_explained AS " + numberPlaceholders(recorder.sql()));
			try {
				String first = plan(statement, execute);
				for (int run = 2; run <= CUSTOM_PLANS; run++) {
					statement.execute(execute);
				}
				String kept = plan(statement, execute);
				return "Query: " + recorder.sql() + "\nValues: " + (arguments.isEmpty() ? "none" : arguments)
						+ "\n\nPlan of a connection's first execution:\n" + first
						+ "\nPlan from the sixth execution on a connection:\n" + kept;
			}
			finally {
				statement.execute("DEALLOCATE pow_explained");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not explain " + recorder.sql(), ex);
		}
	}

	private static String plan(Statement statement, String execute) throws SQLException {
		StringBuilder plan = new StringBuilder();
		try (ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + execute)) {
			while (rows.next()) {
				plan.append("  ").append(rows.getString(1)).append('\n');
			}
		}
		return plan.toString();
	}

	// JDBC's ? placeholders become PREPARE's $1, $2, ...; the admin console's queries
	// have no ? inside a literal.
	private static String numberPlaceholders(String sql) {
		StringBuilder numbered = new StringBuilder();
		int number = 0;
		for (char c : sql.toCharArray()) {
			numbered.append((c == '?') ? "$" + (++number) : String.valueOf(c));
		}
		return numbered.toString();
	}

	// An untyped literal takes the type PostgreSQL inferred for its parameter.
	private static String literal(Object value) {
		return (value != null) ? "'" + value.toString().replace("'", "''") + "'" : "NULL";
	}

}
