package dev.powspring.metrics;

import java.util.Map;

import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import dev.powspring.testapp.realms.RealmsTestApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With two realms, each counts its own: a realm's events reach the application's context
 * too, and are counted once, under the realm's tag.
 */
@PostgresTest
@SpringBootTest(classes = RealmsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pow.realms.staff.schema=${pow.test.schema}_staff",
				"pow.realms.staff.user-class=dev.powspring.testapp.realms.StaffMember",
				"pow.guards.role-paths.admin=/staff/**" })
class PowMetricsRealmsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Test
	void eachRealmCountsItsOwnRegistrationsAndSignIns() {
		register("", "jane@example.com");
		register("/staff", "joe@example.com");
		register("/staff", "ann@example.com");

		assertThat(count("pow.registrations", "realm", "default")).isEqualTo(1);
		assertThat(count("pow.registrations", "realm", "staff")).isEqualTo(2);
		assertThat(count("pow.sign.ins", "realm", "default", "outcome", "success")).isEqualTo(1);
		assertThat(count("pow.sign.ins", "realm", "staff", "outcome", "success")).isEqualTo(2);
		assertThat(this.registry.get("pow.sessions.live").tag("realm", "default").gauge().value()).isEqualTo(1);
		assertThat(this.registry.get("pow.sessions.live").tag("realm", "staff").gauge().value()).isEqualTo(2);
	}

	private void register(String prefix, String email) {
		Browser browser = new Browser(this.port);
		Browser.Page answer = browser.submit(browser.get(prefix + "/registration/new"), "form.pow-form",
				Map.of("userId", email, "password", "secret1234", "passwordConfirmation", "secret1234"));
		assertThat(answer.status()).as("registration of %s at %s: %s", email, prefix, answer.body()).isEqualTo(302);
	}

	private double count(String name, String... tags) {
		return this.registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
	}

}
