package dev.powspring.security;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.testapp.security.zerocode.ZeroCodeSecurityApplication;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Spring Security's test support against Pow-protected controllers: a mock user satisfies
 * Spring Security's rules, method security and Pow's guards; a {@link PowAuthentication}
 * also gives the controller its Pow user.
 */
@PostgresTest
@SpringBootTest(classes = ZeroCodeSecurityApplication.class)
@AutoConfigureMockMvc
class SpringSecurityTestSupportTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PowUsersService users;

	@Autowired
	private PowSecurityContextRepository securityContexts;

	@BeforeEach
	void deleteUsers() {
		this.jdbc.sql("DELETE FROM users").update();
	}

	@Test
	void anonymousThenPowsGuardRedirects() throws Exception {
		this.mvc.perform(get("/notes")).andExpect(status().isFound())
			.andExpect(redirectedUrl("/session/new?request_path=%2Fnotes"));
	}

	@Test
	@WithMockUser("jane@example.com")
	void withMockUserThenPowGuardedPageServed() throws Exception {
		this.mvc.perform(get("/notes")).andExpect(status().isOk());
	}

	@Test
	void userPostProcessorThenMethodSecuritySeesIt() throws Exception {
		this.mvc.perform(get("/greeting").with(user("jane@example.com")))
			.andExpect(content().string("hello jane@example.com"));
	}

	@Test
	void userPostProcessorThenFormsNeedCsrfAsInTheApplication() throws Exception {
		this.mvc.perform(post("/notes").param("body", "milk").with(user("jane@example.com")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/notes").param("body", "milk").with(user("jane@example.com")).with(csrf()))
			.andExpect(content().string("noted"));
	}

	@Test
	void powAuthenticationThenControllerGetsThePowUser() throws Exception {
		PowUser jane = this.users.create(params("jane@example.com")).user();

		this.mvc.perform(get("/account").with(authentication(this.securityContexts.authenticationOf(jane))))
			.andExpect(content().string("account of jane@example.com, held as jane@example.com with [ROLE_USER]"));
	}

	private static UserParams params(String email) {
		UserParams params = new UserParams();
		params.setUserId(email);
		params.setPassword("secret1234");
		params.setPasswordConfirmation("secret1234");
		return params;
	}

}
