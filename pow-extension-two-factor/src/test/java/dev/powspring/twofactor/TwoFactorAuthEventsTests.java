package dev.powspring.twofactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.test.web.Browser;
import dev.powspring.twofactor.testapp.TwoFactorTestApplication.RecordedEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The auth events of two-factor sign-in, over HTTP: a code still to give is no failure, a
 * wrong code or recovery code is one (reason {@code second_factor}), a refused guess is
 * one (reason {@code throttled}), and turning it on or off is published once, by the user
 * or with the admin who did it; never with a code or the secret.
 */
class TwoFactorAuthEventsTests extends TwoFactorTestSupport {

	private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	@Autowired
	private RecordedEvents events;

	@BeforeEach
	void forgetEvents() {
		this.events.clear();
	}

	@Test
	void enrolmentThenEnabledOnceByTheUser() {
		registerWithTwoFactor(EMAIL, PASSWORD);

		assertThat(authEvents(PowAuthEventType.TWO_FACTOR_ENABLED)).singleElement().satisfies((event) -> {
			assertThat(event.userId()).isEqualTo(userId(EMAIL));
			assertThat(event.actorId()).isNull();
			assertThat(event.details()).isEmpty();
			assertThat(event.clientAddress()).isEqualTo("127.0.0.1");
			assertThat(event.userAgent()).isNotBlank();
		});
	}

	@Test
	void codeAskedThenNoFailureAndWrongCodesFailWithSecondFactorThenSignedInOnce() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		this.events.clear();
		Browser browser = browser().header("User-Agent", USER_AGENT);
		assertThat(signIn(browser, EMAIL, PASSWORD).location()).endsWith("/two-factor/new");
		assertThat(authEvents(PowAuthEventType.SIGN_IN_FAILED)).as("a code to give is a step").isEmpty();
		String wrong = String.format("%06d", (Integer.parseInt(code(enrolment.secret())) + 1) % 1_000_000);

		assertThat(submitCode(browser, wrong).status()).isEqualTo(200);
		assertThat(submitCode(browser, code(enrolment.secret())).location()).isEqualTo(home());

		Long id = userId(EMAIL);
		assertThat(authEvents(PowAuthEventType.SIGN_IN_FAILED))
			.extracting(PowAuthEvent::userId, PowAuthEvent::actorId, PowAuthEvent::details, PowAuthEvent::clientAddress,
					PowAuthEvent::userAgent)
			.containsExactly(tuple(id, null, Map.of("method", "password", "reason", "second_factor"), "127.0.0.1",
					USER_AGENT));
		assertThat(authEvents(PowAuthEventType.SIGNED_IN)).singleElement()
			.satisfies((event) -> assertThat(event.details()).containsEntry("method", "password")
				.containsEntry("multi_factor", "true"));
		assertNoSecrets(enrolment, wrong);
	}

	@Test
	void usedRecoveryCodeThenSecondFactorFailure() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		this.events.clear();
		String recoveryCode = enrolment.recoveryCodes().get(0);
		Browser first = browser();
		signIn(first, EMAIL, PASSWORD);
		assertThat(submitCode(first, recoveryCode).location()).isEqualTo(home());
		Browser second = browser();
		signIn(second, EMAIL, PASSWORD);

		assertThat(submitCode(second, recoveryCode).text(".pow-flash-error")).startsWith("The code is wrong");

		assertThat(authEvents(PowAuthEventType.SIGN_IN_FAILED)).singleElement()
			.satisfies((event) -> assertThat(event.details()).containsEntry("reason", "second_factor"));
		assertThat(authEvents(PowAuthEventType.SIGNED_IN)).hasSize(1);
		assertNoSecrets(enrolment, recoveryCode);
	}

	@Test
	void guessesRefusedThenThrottledFailure() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		this.events.clear();
		Browser browser = browser();
		String wrong = String.format("%06d", (Integer.parseInt(code(enrolment.secret())) + 1) % 1_000_000);
		for (int session = 0; session < 2; session++) {
			signIn(browser, EMAIL, PASSWORD);
			for (int i = 0; i < 5; i++) {
				submitCode(browser, wrong);
			}
		}
		signIn(browser, EMAIL, PASSWORD);

		assertThat(submitCode(browser, code(enrolment.secret())).status()).isEqualTo(429);

		List<String> reasons = new ArrayList<>(Collections.nCopies(10, "second_factor"));
		reasons.add("throttled");
		assertThat(authEvents(PowAuthEventType.SIGN_IN_FAILED)).extracting((event) -> event.detail("reason"))
			.containsExactlyElementsOf(reasons);
		assertThat(authEvents(PowAuthEventType.SIGN_IN_FAILED)).allSatisfy((event) -> {
			assertThat(event.userId()).isEqualTo(userId(EMAIL));
			assertThat(event.detail("method")).isEqualTo("password");
		});
		assertThat(authEvents(PowAuthEventType.SIGNED_IN)).isEmpty();
		assertNoSecrets(enrolment, wrong);
	}

	@Test
	void userTurnsItOffThenDisabledOnceByTheUser() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		this.events.clear();
		Browser browser = browser();
		signIn(browser, EMAIL, PASSWORD);
		submitCode(browser, code(enrolment.secret()));
		this.clock.advance(Duration.ofSeconds(30));
		String code = code(enrolment.secret());

		Browser.Page page = browser.submit(browser.get("/registration/two-factor"), "form.pow-two-factor-disable",
				Map.of("current_password", PASSWORD, "code", code));

		assertThat(page.status()).isEqualTo(302);
		assertThat(authEvents(PowAuthEventType.TWO_FACTOR_DISABLED)).singleElement().satisfies((event) -> {
			assertThat(event.userId()).isEqualTo(userId(EMAIL));
			assertThat(event.actorId()).isNull();
			assertThat(event.details()).isEmpty();
		});
		assertNoSecrets(enrolment, code);
	}

	@Test
	void adminTurnsItOffThenDisabledOnceWithTheAdminAndNoAdminAction() {
		Enrolment enrolment = registerWithTwoFactor(EMAIL, PASSWORD);
		this.events.clear();
		register("admin@example.com", PASSWORD);
		Long adminId = userId("admin@example.com");
		this.users.setRoles(this.users.getById(adminId).orElseThrow(), Set.of("admin"));
		Browser admin = browser().header("User-Agent", USER_AGENT);
		assertThat(signIn(admin, "admin@example.com", PASSWORD).location()).isEqualTo(home());
		Long id = userId(EMAIL);
		this.events.clear();

		Browser.Page confirm = admin.submit(admin.get("/admin/users/" + id), "form.pow-admin-disable-two-factor",
				Map.of());
		assertThat(admin.submit(confirm, "form.pow-admin-confirm", Map.of()).status()).isEqualTo(302);

		assertThat(this.events.of(PowAuthEvent.class))
			.extracting(PowAuthEvent::type, PowAuthEvent::userId, PowAuthEvent::actorId, PowAuthEvent::details,
					PowAuthEvent::userAgent)
			.containsExactly(tuple(PowAuthEventType.TWO_FACTOR_DISABLED, id, adminId, Map.of(), USER_AGENT));
		assertNoSecrets(enrolment);
	}

	private List<PowAuthEvent> authEvents(PowAuthEventType type) {
		return this.events.of(PowAuthEvent.class).stream().filter((event) -> event.type() == type).toList();
	}

	private void assertNoSecrets(Enrolment enrolment, String... codes) {
		List<String> secrets = new ArrayList<>(enrolment.recoveryCodes());
		secrets.add(enrolment.secret());
		secrets.add(PASSWORD);
		secrets.addAll(List.of(codes));
		assertThat(this.events.of(PowAuthEvent.class)).allSatisfy((event) -> assertThat(event.details().values())
			.allSatisfy((value) -> assertThat(secrets).noneMatch(value::contains)));
	}

}
