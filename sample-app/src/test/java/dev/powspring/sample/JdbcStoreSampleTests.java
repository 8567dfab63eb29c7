package dev.powspring.sample;

import dev.powspring.store.JdbcPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.test.mail.DevelopmentMailboxPages;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample keeps its sessions in the database with one property.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pow.store.type=jdbc")
class JdbcStoreSampleTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PowStore store;

	@Test
	void registeringSignsInThroughTheDatabaseStore() {
		assertThat(this.store).isInstanceOf(JdbcPowStore.class);

		assertThat(SampleFlows.register(new Browser(this.port), new DevelopmentMailboxPages(this.port),
				"jane@example.com")).isEqualTo("Welcome, jane@example.com.");
	}

}
