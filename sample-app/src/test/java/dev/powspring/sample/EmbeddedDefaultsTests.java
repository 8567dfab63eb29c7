package dev.powspring.sample;

import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on its embedded defaults, as the README starts it: H2, no set-up.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddedDefaultsTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private PowUsersService users;

	@Test
	void homePageServedOnH2WithPowsUsersTableMigrated() {
		assertThat(this.mvc.get().uri("/")).hasStatusOk().bodyText().contains("Pow notes");
		assertThat(this.users.create(new UserParams("jane@example.com", "secret1234", "secret1234")).succeeded())
			.isTrue();
		assertThat(this.users.getByUserId("jane@example.com")).isPresent();
	}

}
