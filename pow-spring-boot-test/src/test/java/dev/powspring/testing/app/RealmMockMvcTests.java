package dev.powspring.testing.app;

import dev.powspring.realm.PowRealms;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.testing.WithPowUser;
import dev.powspring.user.PowUsersService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static dev.powspring.testing.PowMockMvc.powCsrfOf;
import static dev.powspring.testing.PowMockMvc.powUser;
import static dev.powspring.testing.PowMockMvc.powUserOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test kit with a realm: {@code @WithPowUser(realm = ...)} and
 * {@code powUserOf(realm, ...)} sign in to the realm, whose users and sessions are its
 * own.
 */
@PostgresTest
@SpringBootTest(properties = "pow.realms.staff.schema=${pow.test.schema}_staff")
@AutoConfigureMockMvc
class RealmMockMvcTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private PowRealms realms;

	@Test
	@WithPowUser(value = "boss@example.com", realm = "staff")
	void withPowUserOfARealmThenSignedInThereOnly() {
		assertThat(this.mvc.post().uri("/staff/desk").param("note", "hi")).hasStatusOk()
			.bodyText()
			.isEqualTo("boss@example.com left hi");
		assertThat(this.mvc.get().uri("/notes")).hasStatus(302);
		assertThat(this.realms.getBean("staff", PowUsersService.class).getByUserId("boss@example.com")).isPresent();
	}

	@Test
	void powUserOfARealmSignsInThatRealmAndTheDefaultRealmsUserIsAnonymousThere() {
		assertThat(this.mvc.post().uri("/staff/desk").param("note", "hi").with(powUserOf("staff", "ann@example.com")))
			.hasStatusOk()
			.bodyText()
			.isEqualTo("ann@example.com left hi");
		assertThat(this.mvc.post().uri("/staff/desk").param("note", "hi").with(powUser("jane@example.com"))
			.with(powCsrfOf("staff"))).hasStatus(302);
	}

}
