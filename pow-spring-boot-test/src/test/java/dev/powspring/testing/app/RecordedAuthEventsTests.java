package dev.powspring.testing.app;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.realm.PowRealms;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.testing.CapturedMails;
import dev.powspring.testing.RecordedAuthEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static dev.powspring.testing.PowMockMvc.powCsrf;
import static dev.powspring.testing.PowMockMvc.powUser;
import static dev.powspring.testing.PowMockMvc.powUserOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RecordedAuthEvents} hears the application's auth events once each, as a test
 * asserts them; a realm's events are heard by the realm's own recorder and the application's.
 */
@PostgresTest
@SpringBootTest(properties = "pow.realms.staff.schema=${pow.test.schema}_staff")
@AutoConfigureMockMvc
class RecordedAuthEventsTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private RecordedAuthEvents events;

	@Autowired
	private CapturedMails mails;

	@Autowired
	private PowRealms realms;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void clean() {
		this.jdbc.sql("DELETE FROM users").update();
		this.mails.clear();
		this.events.clear();
	}

	@Test
	void flowsThenEachEventOnceInOrder() {
		assertThat(this.mvc.post().uri("/registration").param("userId", "ada@example.com")
			.param("password", "secret1234").param("passwordConfirmation", "secret1234").with(powCsrf()))
			.hasStatus3xxRedirection();
		String confirmation = this.mails.lastTo("ada@example.com").orElseThrow().path("/confirm-email/");
		assertThat(this.mvc.post().uri(confirmation).with(powCsrf())).hasStatus3xxRedirection();
		assertThat(this.events.drain()).extracting(PowAuthEvent::type)
			.containsExactly(PowAuthEventType.REGISTERED, PowAuthEventType.EMAIL_CONFIRMED);

		assertThat(this.mvc.post().uri("/session").param("userId", "ada@example.com").param("password", "wrong-guess")
			.with(powCsrf())).hasStatus(200);
		assertThat(this.mvc.post().uri("/session").param("userId", "ada@example.com").param("password", "secret1234")
			.with(powCsrf())).hasStatus3xxRedirection();

		assertThat(this.events.types()).containsExactly(PowAuthEventType.SIGN_IN_FAILED, PowAuthEventType.SIGNED_IN);
		assertThat(this.events.single(PowAuthEventType.SIGNED_IN).detail("method")).isEqualTo("password");
		assertThat(this.events.ofType(PowAuthEventType.SIGN_IN_FAILED)).singleElement()
			.extracting((event) -> event.detail("reason"))
			.isEqualTo("bad_credentials");
		this.events.assertNoneHolds("secret1234", "wrong-guess", confirmation.substring(confirmation.lastIndexOf('/') + 1));
	}

	@Test
	void noneOrMoreThanOneThenSingleFailsListingTheEvents() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.events.single(PowAuthEventType.SIGNED_IN))
			.withMessageContaining("found 0");
		this.mvc.get().uri("/notes").with(powUser("jane@example.com")).exchange();
		this.mvc.get().uri("/notes").with(powUser("jane@example.com")).exchange();

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.events.single(PowAuthEventType.SIGNED_IN))
			.withMessageContaining("found 2")
			.withMessageContaining("realm=default");
	}

	@Test
	void secretInAnEventThenAssertNoneHoldsFails() {
		this.mvc.get().uri("/notes").with(powUser("jane@example.com")).exchange();

		this.events.assertNoneHolds("secret1234");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.events.assertNoneHolds("multi_factor"))
			.withMessageContaining("SIGNED_IN");
	}

	@Test
	void realmSignInThenRecordedOnceByTheRealmsRecorderAndOnceByTheApplications() {
		RecordedAuthEvents staff = this.realms.getBean("staff", RecordedAuthEvents.class);
		staff.clear();

		this.mvc.post().uri("/staff/desk").param("note", "hi").with(powUserOf("staff", "ann@example.com")).exchange();

		assertThat(staff.single(PowAuthEventType.SIGNED_IN).realm()).isEqualTo("staff");
		assertThat(staff).isNotSameAs(this.events);
		assertThat(this.events.single(PowAuthEventType.SIGNED_IN).realm()).isEqualTo("staff");
	}

}
