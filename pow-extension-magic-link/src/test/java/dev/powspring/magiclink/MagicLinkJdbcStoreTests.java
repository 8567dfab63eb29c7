package dev.powspring.magiclink;

import dev.powspring.store.JdbcPowStore;
import dev.powspring.store.PowStore;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Magic links kept in the database store: the flow works, once.
 */
@TestPropertySource(properties = "pow.store.type=jdbc")
class MagicLinkJdbcStoreTests extends MagicLinkTestSupport {

	@Autowired
	private PowStore store;

	@Test
	void linkSignsInOnceThroughTheDatabaseStore() {
		assertThat(this.store).isInstanceOf(JdbcPowStore.class);
		MagicLinkStoreFlow.signsInOnce(this);
	}

}
