package dev.powspring.benchmarks;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills Pow's {@code users} table (users signing in by email) with many users in one
 * statement, then vacuums and analyzes it, for benchmarks that need a table of a
 * realistic size.
 * <p>
 * User {@code n} (from 1) was created {@code 90 n} seconds after 2023 began, except that
 * users 1001, 2001 and so on were created in the same instant as the user before them,
 * so that a list ordered by creation needs its tie-break on the primary key. Ids follow
 * creation. Email addresses are {@code user-<k>@example.com}, where {@code k} runs over 1
 * to the number of users in an order unrelated to creation, as in a real table: the users
 * whose address starts with a given text are spread over the whole list. Everyone has the
 * same password hash.
 */
final class UserTableSeed {

	// n times a prime, modulo a count that the prime does not divide, takes every value
	// below the count once as n runs from 1 to the count, in an order unrelated to n.
	private static final int SCATTER = 7919;

	private static final String INSERT = """
			INSERT INTO users (email, password_hash, inserted_at, updated_at)
			SELECT 'user-' || ((n * %d) %% :count + 1) || '@example.com', :passwordHash, created, created
			FROM generate_series(1::bigint, :count) AS n
			CROSS JOIN LATERAL (SELECT timestamptz '2023-01-01 00:00:00+00'
				+ make_interval(secs => (n - (n > 1 AND n %% 1000 = 1)::int) * 90) AS created) AS creation
			""".formatted(SCATTER);

	private UserTableSeed() {
	}

	/**
	 * Insert users into an empty table, then vacuum and analyze it.
	 * @param jdbc the database
	 * @param count how many users, not a multiple of 7919
	 * @param passwordHash the password hash everyone gets
	 */
	static void insert(JdbcClient jdbc, int count, String passwordHash) {
		if (count % SCATTER == 0) {
			throw new IllegalArgumentException("The email addresses repeat when the count is a multiple of " + SCATTER);
		}
		jdbc.sql(INSERT).param("count", count).param("passwordHash", passwordHash).update();
		// As autovacuum would have long since done on a table that grew over years, and so
		// that it does not start during a measurement.
		jdbc.sql("VACUUM (ANALYZE) users").update();
	}

}
