package dev.powspring.sample;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the users table that Pow's migrations created.
 */
@Component
class UserDirectory {

	private final JdbcClient jdbcClient;

	UserDirectory(JdbcClient jdbcClient) {
		this.jdbcClient = jdbcClient;
	}

	long count() {
		return this.jdbcClient.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
	}

}
