package dev.powspring.testing;

import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcConfigurer;
import org.springframework.web.context.WebApplicationContext;

/**
 * Signs every request of a test annotated with {@link WithPowUser} in as that user. Spring
 * Boot's MockMvc applies it through the test kit's {@code MockMvcBuilderCustomizer}.
 */
public class PowMockMvcConfigurer implements MockMvcConfigurer {

	@Override
	public RequestPostProcessor beforeMockMvcCreated(ConfigurableMockMvcBuilder<?> builder,
			WebApplicationContext context) {
		return (request) -> {
			WithPowUser user = WithPowUserTestExecutionListener.current();
			if (user == null) {
				return request;
			}
			return PowMockMvc.signedIn(request, PowMockMvc.sessions(request, user.realm()).signIn(user.value(), user.roles()));
		};
	}

}
