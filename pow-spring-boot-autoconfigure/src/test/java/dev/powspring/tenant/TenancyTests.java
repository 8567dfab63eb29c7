package dev.powspring.tenant;

import java.util.Map;
import java.util.UUID;

import dev.powspring.store.PowStore;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.redis.RedisTestServer;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.tenancy.TenancyTestApplication;
import dev.powspring.user.PowUsersService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants over real HTTP on PostgreSQL, in both storage modes and on the JDBC and Redis
 * stores: two tenants from the start and a third created at runtime, with users,
 * sessions and throttles of their own, and 404 for a tenant that does not exist.
 */
class TenancyTests {

	private static final String TENANT_HEADER = "X-Pow-Tenant";

	@Nested
	@PostgresTest
	@SpringBootTest(classes = TenancyTestApplication.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "pow.throttle.sign-in-per-account.max=3", "pow.tenancy.tenants=acme,globex", "pow.tenancy.mode=schema", "pow.tenancy.resolver=header", "pow.store.type=jdbc",
					"pow.tenancy.schema-prefix=${pow.test.schema}_t_" })
	class SchemaModeJdbcStore extends Scenarios {

		@Test
		void eachTenantHasItsOwnSchemaWithPowsTables() {
			assertThat(tableExists("acme", "users")).isTrue();
			assertThat(tableExists("globex", "users")).isTrue();
			assertThat(tableExists("acme", "pow_schema_history")).isTrue();
		}

	}

	@Nested
	@PostgresTest
	@SpringBootTest(classes = TenancyTestApplication.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "pow.throttle.sign-in-per-account.max=3", "pow.tenancy.tenants=acme,globex", "pow.tenancy.mode=schema", "pow.tenancy.resolver=header", "pow.store.type=redis",
					"pow.tenancy.schema-prefix=${pow.test.schema}_t_" })
	class SchemaModeRedisStore extends Scenarios {

		@DynamicPropertySource
		static void redis(DynamicPropertyRegistry registry) {
			RedisProperties.add(registry);
		}

	}

	@Nested
	@PostgresTest
	@SpringBootTest(classes = TenancyTestApplication.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "pow.throttle.sign-in-per-account.max=3", "pow.tenancy.tenants=acme,globex", "pow.tenancy.mode=column", "pow.tenancy.resolver=header", "pow.store.type=jdbc" })
	class ColumnModeJdbcStore extends Scenarios {

		@Test
		void usersOfEveryTenantShareOneTableWithATenantColumn() {
			register(browser("acme"), "jane@example.com");
			register(browser("globex"), "jane@example.com");

			assertThat(this.jdbc.sql("SELECT tenant_id FROM users WHERE email = 'jane@example.com' ORDER BY 1")
				.query(String.class)
				.list()).containsExactly("acme", "globex");
		}

	}

	@Nested
	@PostgresTest
	@SpringBootTest(classes = TenancyTestApplication.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "pow.throttle.sign-in-per-account.max=3", "pow.tenancy.tenants=acme,globex", "pow.tenancy.mode=column", "pow.tenancy.resolver=header", "pow.store.type=redis" })
	class ColumnModeRedisStore extends Scenarios {

		@DynamicPropertySource
		static void redis(DynamicPropertyRegistry registry) {
			RedisProperties.add(registry);
		}

	}

	static final class RedisProperties {

		private RedisProperties() {
		}

		static void add(DynamicPropertyRegistry registry) {
			registry.add("spring.data.redis.host", () -> RedisTestServer.get().host());
			registry.add("spring.data.redis.port", () -> RedisTestServer.get().port());
			registry.add("pow.store.redis-key-prefix", () -> "pow-tenancy-" + UUID.randomUUID() + ":");
		}

	}

	abstract static class Scenarios {

		@LocalServerPort
		int port;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		PowTenants tenants;

		@Autowired
		PowUsersService users;

		@Autowired
		PowStore store;

		@Test
		void sameEmailIsOneUserInEachTenant() {
			String email = unique("jane");
			register(browser("acme"), email);
			register(browser("globex"), email);

			assertThat(PowTenantContext.callAs("acme", () -> this.users.getByUserId(email))).isPresent();
			assertThat(PowTenantContext.callAs("globex", () -> this.users.getByUserId(email))).isPresent();
			assertThat(PowTenantContext.callAs("acme", () -> this.users.getByUserId(email)).orElseThrow().getId())
				.isNotNull();
			assertThat(this.store).isInstanceOf(TenantScopedPowStore.class);
		}

		@Test
		void userOfOneTenantCannotSignInAtAnother() {
			String email = unique("ann");
			register(browser("acme"), email);

			Browser.Page answer = signIn(browser("globex"), email, "secret1234");

			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.text(".pow-flash-error")).startsWith("The provided login details did not work.");
		}

		@Test
		void sessionOfOneTenantIsAnonymousInAnother() {
			String email = unique("jane");
			Browser browser = browser("acme");
			register(browser, email);
			assertThat(browser.get("/notes").body()).isEqualTo("notes of " + email + " at acme");

			browser.header(TENANT_HEADER, "globex");
			Browser.Page notes = browser.get("/notes");

			assertThat(notes.status()).isEqualTo(302);
			assertThat(notes.location()).contains("/session/new");
		}

		@Test
		void unknownTenantOrNoneGets404AndSharedPathsNeedNone() {
			assertThat(browser("nope").get("/session/new").status()).isEqualTo(404);
			assertThat(new Browser(this.port).get("/session/new").status()).isEqualTo(404);
			assertThat(browser("nope").post("/registration", Map.of("userId", "x@example.com")).status())
				.isEqualTo(404);
			assertThat(new Browser(this.port).get("/pow/pow.css").status()).isEqualTo(200);
		}

		@Test
		void tenantCreatedAtRuntimeServesItsFirstRequest() {
			String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
			assertThat(browser(tenant).get("/session/new").status()).isEqualTo(404);

			this.tenants.create(tenant);

			String email = unique("joe");
			Browser browser = browser(tenant);
			register(browser, email);
			assertThat(browser.get("/notes").body()).isEqualTo("notes of " + email + " at " + tenant);
			assertThat(PowTenantContext.callAs("acme", () -> this.users.getByUserId(email))).isEmpty();
		}

		@Test
		void throttlingOfOneTenantLeavesTheOthersAlone() {
			String email = unique("kim");
			register(browser("acme"), email);
			register(browser("globex"), email);

			for (int i = 0; i < 3; i++) {
				signIn(browser("acme"), email, "wrong-password");
			}

			assertThat(signIn(browser("acme"), email, "secret1234").status()).isEqualTo(429);
			assertThat(signIn(browser("globex"), email, "secret1234").status()).isEqualTo(302);
		}

		Browser browser(String tenant) {
			return new Browser(this.port).header(TENANT_HEADER, tenant);
		}

		void register(Browser browser, String email) {
			Browser.Page form = browser.get("/registration/new");
			Browser.Page answer = browser.submit(form, "form.pow-form",
					Map.of("userId", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
			assertThat(answer.status()).as("registration of %s: %s", email, answer.body()).isEqualTo(302);
		}

		Browser.Page signIn(Browser browser, String email, String password) {
			return browser.submit(browser.get("/session/new"), "form.pow-form",
					Map.of("userId", email, "password", password));
		}

		boolean tableExists(String tenant, String table) {
			String schema = this.jdbc.sql("SELECT current_schema()").query(String.class).single() + "_t_" + tenant;
			return this.jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = :schema "
					+ "AND table_name = :table")
				.param("schema", schema)
				.param("table", table)
				.query(Long.class)
				.single() > 0;
		}

		static String unique(String name) {
			return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		}

	}

}
