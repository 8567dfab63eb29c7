package dev.powspring.api;

import java.time.Duration;

import dev.powspring.api.testapp.ApiTestApplication;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.time.MutableClock;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the API test application over real HTTP against PostgreSQL, with email
 * confirmation off unless a test class turns it on.
 */
@PostgresTest
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "pow.email-confirmation.enabled=false")
abstract class ApiTestSupport {

	@LocalServerPort
	protected int port;

	@Autowired
	protected PowUsersService users;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	protected ApiClient api;

	@BeforeEach
	void startClean() {
		this.jdbc.sql("DELETE FROM users").update();
		// Past the throttling windows of earlier tests.
		this.clock.advance(Duration.ofHours(2));
		this.api = new ApiClient(this.port);
	}

	protected void existingUser(String email, String password) {
		assertThat(this.users.create(new UserParams(email, password, password)).succeeded()).isTrue();
	}

}
