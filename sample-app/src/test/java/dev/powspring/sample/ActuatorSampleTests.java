package dev.powspring.sample;

import java.util.Map;

import dev.powspring.mail.PowMailDelivery;
import dev.powspring.test.mail.DevelopmentMailboxPages;
import dev.powspring.test.mail.TestMailbox;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's Actuator: health is public, while Pow's endpoint and the metrics are for
 * admins; an admin reads Pow's state, a member's devices and the sign-in counts, and signs
 * the member out everywhere. Each test registers its own addresses: Pow limits the mails
 * one address gets in a window.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorSampleTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PowMailDelivery mailDelivery;

	private TestMailbox mailbox;

	@BeforeEach
	void start() {
		this.jdbc.sql("DELETE FROM notes").update();
		this.jdbc.sql("DELETE FROM users").update();
		this.mailbox = new DevelopmentMailboxPages(this.port);
		this.mailbox.clearOnceIdle(() -> this.mailDelivery.inFlight() == 0);
	}

	@Test
	void healthIsPublicAndPowsEndpointIsForAdminsOnly() {
		Browser anonymous = new Browser(this.port);
		assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/pow").status()).isIn(302, 401);

		Browser member = new Browser(this.port);
		SampleFlows.register(member, this.mailbox, "member@example.com");
		assertThat(member.get("/actuator/pow").status()).isEqualTo(403);
		assertThat(member.get("/actuator/metrics/pow.sign.ins").status()).isEqualTo(403);
	}

	@Test
	void anAdminReadsPowsStateAndSignsAMemberOutEverywhere() {
		Browser member = new Browser(this.port);
		SampleFlows.register(member, this.mailbox, "ann@example.com");
		Browser admin = new Browser(this.port);
		SampleFlows.register(admin, this.mailbox, "admin@example.com");

		Browser.Page state = admin.get("/actuator/pow", "application/json");
		assertThat(state.status()).isEqualTo(200);
		assertThat(state.body()).contains("\"store\"", "\"liveSessions\"", "\"health\"");

		Browser.Page devices = admin.get("/actuator/pow/ann@example.com", "application/json");
		assertThat(devices.status()).isEqualTo(200);
		assertThat(devices.body()).contains("\"web_session\"", "\"password\"");

		Browser.Page signIns = admin.get("/actuator/metrics/pow.sign.ins", "application/json");
		assertThat(signIns.status()).isEqualTo(200);
		assertThat(signIns.body()).contains("\"COUNT\"", "\"outcome\"", "\"method\"");

		String csrf = admin.get("/registration/edit").document().selectFirst("input[name=_csrf]").attr("value");
		Browser.Page ended = admin.post("/actuator/pow/ann@example.com", Map.of("_method", "delete", "_csrf", csrf));
		assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		assertThat(member.get("/notes").location()).contains("/session/new");
		assertThat(admin.get("/notes").status()).isEqualTo(200);
	}

}
