package dev.powspring.testing;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.session.PowSessionManager;
import dev.powspring.user.PowUsersService;
import dev.powspring.web.csrf.PowCsrf;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The test kit's beans: users and signed-in sessions for tests, the auth events published
 * (see {@link RecordedAuthEvents}), and {@link WithPowUser} applied to MockMvc.
 */
@AutoConfiguration(after = PowAutoConfiguration.class)
@ConditionalOnBean(PowUsersService.class)
public class PowTestAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PowTestUsers powTestUsers(PowUsersService users, ApplicationEventPublisher events) {
		return new PowTestUsers(users, events);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ PowSessionManager.class, PowCsrf.class })
	PowTestSessions powTestSessions(PowSessionManager sessions, PowCsrf csrf, PowTestUsers users) {
		return new PowTestSessions(sessions, csrf, users);
	}

	// A realm's context runs this afresh and so has a recorder of its own: a realm's
	// events stay in its context, and each is recorded once, by its realm's recorder.
	@Bean
	@ConditionalOnMissingBean
	RecordedAuthEvents powRecordedAuthEvents() {
		return new RecordedAuthEvents();
	}

	/**
	 * Applies {@link WithPowUser} to the MockMvc that Spring Boot's test support builds.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MockMvcBuilderCustomizer.class)
	static class MockMvc {

		@Bean
		MockMvcBuilderCustomizer powMockMvcBuilderCustomizer() {
			return (builder) -> builder.apply(new PowMockMvcConfigurer());
		}

	}

}
