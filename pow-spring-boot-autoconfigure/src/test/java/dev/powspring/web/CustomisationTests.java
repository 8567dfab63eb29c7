package dev.powspring.web;

import dev.powspring.test.web.Browser;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.testapp.custom.CustomUserTestApplication;
import dev.powspring.testapp.web.WebTestApplication;
import dev.powspring.user.PowUserValidator;
import dev.powspring.user.UserParams;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.callback.PowCallbackContext;
import dev.powspring.web.callback.PowCallbackResult;
import dev.powspring.web.callback.PowControllerCallback;
import dev.powspring.web.controller.PowControllerSupport;
import dev.powspring.web.controller.SessionController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways an application customises Pow, each in an application of its own.
 */
class CustomisationTests {

	private final List<AutoCloseable> resources = new ArrayList<>();

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void templatePlacedAtTheSamePathReplacesPows() {
		Browser browser = start(new OverridingClassLoader(Path.of("src/test/resources/overrides")),
				WebTestApplication.class);

		Browser.Page page = browser.get("/session/new");

		assertThat(page.text("h1.custom")).isEqualTo("Welcome back to the notes app");
	}

	@Test
	void messageInApplicationMessagesReplacesPowsAndShowsADefaultlessOne() {
		Browser browser = start(null, WebTestApplication.class, "spring.messages.basename=custom-messages");
		register(browser, "jane@example.com");
		Browser visitor = new Browser(port());

		assertThat(signIn(visitor, "jane@example.com", "wrong-password").text(".pow-flash-error"))
			.isEqualTo("Nope, try again.");
		Browser.Page signedIn = visitor.submit(visitor.get("/session/new?request_path=/registration/edit"),
				"form.pow-form", Map.of("userId", "jane@example.com", "password", "secret1234"));
		assertThat(visitor.follow(signedIn).text(".pow-flash-info")).isEqualTo("Welcome back!");
	}

	@Test
	void routesBeanReplacedThenSignInGoesWhereItSays() {
		Browser browser = start(null, new Class<?>[] { WebTestApplication.class, DashboardRoutes.class });
		register(browser, "jane@example.com");
		Browser visitor = new Browser(port());

		assertThat(signIn(visitor, "jane@example.com", "secret1234").location()).endsWith("/dashboard");
	}

	@Test
	void sessionControllerReplacedBySubclassThenItsMappingsAreInherited() {
		Browser browser = start(null, new Class<?>[] { WebTestApplication.class, AuditingControllerConfiguration.class });
		register(browser, "jane@example.com");
		Browser visitor = new Browser(port());

		Browser.Page answer = signIn(visitor, "jane@example.com", "secret1234");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(AuditingSessionController.signIns.get()).isEqualTo(1);
		assertThat(visitor.get("/notes").body()).isEqualTo("notes of jane@example.com");
	}

	@Test
	void applicationEntityWithOwnColumnIsFilledAtRegistration() {
		Browser browser = start(null, CustomUserTestApplication.class, "pow.user-fields=displayName",
				"spring.flyway.locations=classpath:db/testapp/custom");

		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "passwordConfirmation", "secret1234",
						"fields[displayName]", "Jane", "fields[passwordHash]", "x", "fields[id]", "99"));

		assertThat(answer.status()).isEqualTo(302);
		JdbcClient jdbc = context().getBean(JdbcClient.class);
		assertThat(jdbc.sql("SELECT display_name FROM users WHERE email = 'jane@example.com'")
			.query(String.class)
			.single()).isEqualTo("Jane");
		assertThat(jdbc.sql("SELECT password_hash FROM users").query(String.class).single()).startsWith("$pbkdf2");
		assertThat(jdbc.sql("SELECT id FROM users").query(Long.class).single()).isNotEqualTo(99L);
	}

	@Test
	void applicationFieldThenOfferedInTheFormsAndShownWithItsValue() {
		Browser browser = start(null, CustomUserTestApplication.class, "pow.user-fields=displayName",
				"spring.flyway.locations=classpath:db/testapp/custom");

		Browser.Page form = browser.get("/registration/new");
		assertThat(form.document().select("label[for=fields-displayName]").text()).isEqualTo("displayName");
		assertThat(form.document().select("input#fields-displayName").attr("name")).isEqualTo("fields[displayName]");
		assertThat(form.document().select("input#fields-displayName").attr("type")).isEqualTo("text");
		browser.submit(form, "form.pow-form", Map.of("userId", "jane@example.com", "password", "secret1234",
				"passwordConfirmation", "secret1234", "fields[displayName]", "Jane"));

		Browser.Page account = browser.get("/registration/edit");
		assertThat(account.document().select("input#fields-displayName").attr("value")).isEqualTo("Jane");
		Browser.Page renamed = browser.submit(account, "form.pow-form",
				Map.of("fields[displayName]", "Jane D.", "currentPassword", "secret1234"));
		assertThat(renamed.status()).isEqualTo(302);
		assertThat(browser.get("/registration/edit").document().select("input#fields-displayName").attr("value"))
			.isEqualTo("Jane D.");
	}

	@Test
	void applicationFieldTooLongForItsColumnThenFieldErrorAndNothingStored() {
		Browser browser = start(null, CustomUserTestApplication.class, "pow.user-fields=displayName",
				"spring.flyway.locations=classpath:db/testapp/custom");

		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "passwordConfirmation", "secret1234",
						"fields[displayName]", "J".repeat(256)));

		assertThat(answer.status()).as("a field error, not an outage").isEqualTo(200);
		assertThat(answer.text("[data-field=displayName]")).isEqualTo("displayName should be at most 255 character(s)");
		assertThat(context().getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM users").query(Long.class).single())
			.isZero();
		assertThat(browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "passwordConfirmation", "secret1234",
						"fields[displayName]", "J".repeat(255)))
			.status()).as("at the column's length").isEqualTo(302);
	}

	@Test
	void beanValidationOnTheApplicationsEntityThenFieldErrorBesideTheFieldAndNothingStored() {
		Browser browser = start(null, CustomUserTestApplication.class, "pow.user-fields=displayName",
				"spring.flyway.locations=classpath:db/testapp/custom");

		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "passwordConfirmation", "secret1234",
						"fields[displayName]", "<b>Jane</b>"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("[data-field=displayName]")).isEqualTo("displayName must not contain < or >");
		assertThat(context().getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM users").query(Long.class).single())
			.isZero();
	}

	@Test
	void applicationValidatorThenItsErrorsShowAndRegistrationAndUpdateAreRefused() {
		Browser browser = start(null, new Class<?>[] { WebTestApplication.class, NoExampleOrg.class });

		Browser.Page refused = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.org", "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#userId-error")).isEqualTo("uses a domain we do not accept");

		register(browser, "jane@example.com");
		Browser.Page update = browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "jane@example.org", "currentPassword", "secret1234"));
		assertThat(update.status()).isEqualTo(200);
		assertThat(update.text("#userId-error")).isEqualTo("uses a domain we do not accept");
		assertThat(context().getBean(JdbcClient.class).sql("SELECT email FROM users").query(String.class).single())
			.isEqualTo("jane@example.com");
	}

	@Test
	void callbackHaltsRegistrationThenNothingIsStored() {
		Browser browser = start(null, new Class<?>[] { WebTestApplication.class, ClosedRegistration.class });

		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", "jane@example.com", "password", "secret1234", "passwordConfirmation", "secret1234"));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/registration-closed");
		assertThat(context().getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM users").query(Long.class).single())
			.isZero();
	}

	private ConfigurableApplicationContext context() {
		return this.context;
	}

	private Browser start(ClassLoader classLoader, Class<?> application, String... properties) {
		return start(classLoader, new Class<?>[] { application }, properties);
	}

	private Browser start(ClassLoader classLoader, Class<?>[] sources, String... properties) {
		TestSchema schema = PostgresTestDatabase.get().createSchema("CustomisationTests");
		this.resources.add(schema);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(sources)
			.properties(schema.datasourcePropertyPairs())
			.properties("server.port=0")
			.properties(properties);
		if (classLoader != null) {
			builder.resourceLoader(new DefaultResourceLoader(classLoader));
		}
		this.context = builder.run();
		this.resources.add(this.context);
		return new Browser(port());
	}

	private int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	private static void register(Browser browser, String email) {
		Browser.Page answer = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(answer.status()).isEqualTo(302);
	}

	private static Browser.Page signIn(Browser browser, String email, String password) {
		return browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", email, "password", password));
	}

	/**
	 * Finds resources in a directory before its parent does, as an application's own
	 * classpath entries come before Pow's jar.
	 */
	static final class OverridingClassLoader extends ClassLoader {

		private final Path directory;

		OverridingClassLoader(Path directory) {
			super(CustomisationTests.class.getClassLoader());
			this.directory = directory.toAbsolutePath();
		}

		@Override
		public URL getResource(String name) {
			Path candidate = this.directory.resolve(name);
			if (candidate.toFile().isFile()) {
				try {
					return candidate.toUri().toURL();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return super.getResource(name);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DashboardRoutes {

		@Bean
		PowRoutes powRoutes() {
			return new PowRoutes() {

				@Override
				public String afterSignInPath(HttpServletRequest request) {
					return "/dashboard";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AuditingControllerConfiguration {

		@Bean
		AuditingSessionController auditingSessionController(PowControllerSupport.Collaborators collaborators) {
			AuditingSessionController.signIns.set(0);
			return new AuditingSessionController(collaborators);
		}

	}

	static class AuditingSessionController extends SessionController {

		static final AtomicInteger signIns = new AtomicInteger();

		AuditingSessionController(Collaborators collaborators) {
			super(collaborators);
		}

		@Override
		public String create(@ModelAttribute("user") UserParams params,
				@RequestParam(name = PowRoutes.REQUEST_PATH_PARAMETER, required = false) String requestPath,
				HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirectAttributes,
				Model model) {
			signIns.incrementAndGet();
			return super.create(params, requestPath, request, response, redirectAttributes, model);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClosedRegistration {

		@Bean
		PowControllerCallback closedRegistration() {
			return new PowControllerCallback() {

				@Override
				public PowCallbackResult beforeProcess(PowCallbackContext context) {
					return PowAction.REGISTRATION_CREATE.equals(context.action())
							? PowCallbackResult.halt("redirect:/registration-closed") : PowCallbackResult.proceed();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoExampleOrg {

		@Bean
		PowUserValidator noExampleOrg() {
			return (candidate, params, errors) -> {
				if (candidate.getUserId() != null && candidate.getUserId().endsWith("@example.org")) {
					errors.rejectValue("userId", "test.domain", "uses a domain we do not accept");
				}
			};
		}

	}

}
