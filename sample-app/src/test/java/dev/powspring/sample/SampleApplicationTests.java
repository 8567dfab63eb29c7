package dev.powspring.sample;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on PostgreSQL, as with the postgres profile.
 */
@PostgresTest
@SpringBootTest
@AutoConfigureMockMvc
class SampleApplicationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private PowUsersService users;

	@Test
	void homePageTellsStrangersNothingAboutWhoRegistered() throws Exception {
		String before = homePage();

		assertThat(this.users.create(new UserParams("jane@example.com", "secret1234", "secret1234")).succeeded())
			.isTrue();

		assertThat(homePage()).contains("Pow notes").isEqualTo(before);
	}

	private String homePage() throws Exception {
		return this.mvc.get().uri("/").exchange().getResponse().getContentAsString();
	}

}
