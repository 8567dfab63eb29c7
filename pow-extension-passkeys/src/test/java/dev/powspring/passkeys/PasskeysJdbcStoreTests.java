package dev.powspring.passkeys;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/**
 * Passkeys with challenges in the JDBC store.
 */
@TestPropertySource(properties = "pow.store.type=jdbc")
class PasskeysJdbcStoreTests extends PasskeysTestSupport {

	@Test
	void registerThenSignInWithChallengesInTheDatabase() {
		assertMainFlow();
	}

}
