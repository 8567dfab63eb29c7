package dev.powspring.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.powspring.api.ApiClient.Answer;
import dev.powspring.api.ApiClient.Pair;
import dev.powspring.api.testapp.RecordedEvents;
import dev.powspring.api.testapp.RecordedObservations;
import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.twofactor.Totp;
import dev.powspring.twofactor.TwoFactors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What API clients do, published as auth events, once each, with the user, the client's
 * address and user agent, and never a password or token; and the password sign-in
 * observed for the sign-in timer.
 */
class ApiEventsTests extends ApiTestSupport {

	private static final String AGENT = "PowTestApp/2.1 (iPhone; iOS 17.5)";

	@Autowired
	private RecordedEvents events;

	@Autowired
	private RecordedObservations observations;

	@Autowired
	private TwoFactors twoFactors;

	private ApiClient app;

	@BeforeEach
	void recordAfresh() {
		this.app = this.api.withHeader("User-Agent", AGENT);
		this.events.clear();
		this.observations.clear();
	}

	@Test
	void passwordSignInThenSignedInOnceAndObservedAsSuccess() {
		existingUser("jane@example.com", "secret1234");

		Pair pair = this.app.signIn("jane@example.com", "secret1234");

		assertOnly(PowAuthEventType.SIGNED_IN);
		PowAuthEvent event = single(PowAuthEventType.SIGNED_IN, pair);
		assertThat(event.details()).containsExactlyInAnyOrderEntriesOf(Map.of("method", "api", "multi_factor", "false"));
		assertThat(this.observations.named("pow.sign.in")).singleElement()
			.satisfies((observed) -> assertThat(observed.keyValues())
				.containsExactlyInAnyOrderEntriesOf(Map.of("method", "api", "outcome", "success")));
	}

	@Test
	void wrongPasswordThenFailedWithTheAccountAndUnknownAccountWithout() {
		existingUser("jane@example.com", "secret1234");

		assertThat(this.app.postJson("/api/v1/session", Map.of("email", "jane@example.com", "password", "wrong-one"),
				null)
			.status()).isEqualTo(401);
		assertThat(this.app.postJson("/api/v1/session", Map.of("email", "joe@example.com", "password", "wrong-two"),
				null)
			.status()).isEqualTo(401);

		List<PowAuthEvent> failed = this.events.of(PowAuthEventType.SIGN_IN_FAILED);
		assertOnly(PowAuthEventType.SIGN_IN_FAILED);
		assertThat(failed).extracting(PowAuthEvent::userId).containsExactly(janeId(), null);
		assertThat(failed).allSatisfy((event) -> {
			assertFromTheApp(event);
			assertThat(event.details()).containsExactlyInAnyOrderEntriesOf(
					Map.of("method", "api", "reason", "bad_credentials"));
			assertThat(event.toString()).doesNotContain("wrong-one").doesNotContain("wrong-two");
		});
		assertThat(this.observations.named("pow.sign.in")).hasSize(2)
			.allSatisfy((observed) -> assertThat(observed.keyValues()).containsEntry("outcome", "failure"));
	}

	@Test
	void throttledSignInThenFailedAsThrottledOncePerRefusal() {
		existingUser("jane@example.com", "secret1234");
		int refusals = 0;
		for (int attempt = 0; attempt < 20 && refusals < 2; attempt++) {
			Answer answer = this.app.postJson("/api/v1/session",
					Map.of("email", "jane@example.com", "password", "wrong"), null);
			refusals += (answer.status() == 429) ? 1 : 0;
		}

		assertThat(refusals).isEqualTo(2);
		List<PowAuthEvent> throttled = this.events.of(PowAuthEventType.SIGN_IN_FAILED)
			.stream()
			.filter((event) -> PowAuthEvent.THROTTLED.equals(event.detail(PowAuthEvent.REASON)))
			.toList();
		assertThat(throttled).hasSize(2).allSatisfy((event) -> {
			assertFromTheApp(event);
			assertThat(event.detail(PowAuthEvent.METHOD)).isEqualTo("api");
		});
	}

	@Test
	void renewThenRenewedOnceAndNoNewSignIn() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.app.signIn("jane@example.com", "secret1234");
		this.events.clear();

		Pair renewed = this.app.post("/api/v1/session/renew", pair.renewalToken()).pair();

		assertOnly(PowAuthEventType.API_TOKEN_RENEWED);
		assertThat(single(PowAuthEventType.API_TOKEN_RENEWED, pair, renewed).details()).isEmpty();
	}

	@Test
	void usedRenewalTokenAfterTheGraceThenTheftOnce() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.app.signIn("jane@example.com", "secret1234");
		Pair renewed = this.app.post("/api/v1/session/renew", pair.renewalToken()).pair();
		this.clock.advance(Duration.ofSeconds(31));
		this.events.clear();

		assertThat(this.app.post("/api/v1/session/renew", pair.renewalToken()).status()).isEqualTo(401);

		assertOnly(PowAuthEventType.API_TOKEN_THEFT);
		assertThat(single(PowAuthEventType.API_TOKEN_THEFT, pair, renewed).details()).isEmpty();
		assertThat(this.app.get("/api/v1/notes", renewed.accessToken()).status()).isEqualTo(401);
	}

	@Test
	void signOutThenSignedOutOnce() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.app.signIn("jane@example.com", "secret1234");
		this.events.clear();

		assertThat(this.app.delete("/api/v1/session", pair.accessToken()).status()).isEqualTo(200);

		assertOnly(PowAuthEventType.SIGNED_OUT);
		assertThat(single(PowAuthEventType.SIGNED_OUT, pair).details()).containsExactlyEntriesOf(Map.of("method", "api"));
	}

	@Test
	void registerThenRegisteredAndSignedInOnceEach() {
		Pair pair = this.app.register("jane@example.com", "secret1234");

		assertThat(this.events.all()).extracting(PowAuthEvent::type)
			.containsExactly(PowAuthEventType.REGISTERED, PowAuthEventType.SIGNED_IN);
		assertThat(single(PowAuthEventType.REGISTERED, pair).details()).isEmpty();
		assertThat(single(PowAuthEventType.SIGNED_IN, pair).detail(PowAuthEvent.METHOD)).isEqualTo("registration");
	}

	@Test
	void updateThenPasswordAndEmailChangesOnceEachAndOtherUpdatesNone() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.app.signIn("jane@example.com", "secret1234");
		this.events.clear();

		Answer email = this.app.patchJson("/api/v1/registration",
				Map.of("email", "jane@example.org", "current_password", "secret1234"), pair.accessToken());
		assertThat(this.app.get("/api/v1/registration", pair.accessToken()).body())
			.as("the token's user copy is refreshed").contains("jane@example.org");
		Answer wrong = this.app.patchJson("/api/v1/registration", Map.of("email", "jane@example.net",
				"current_password", "not-it"), pair.accessToken());
		Answer password = this.app.patchJson("/api/v1/registration", Map.of("password", "new-secret-99",
				"password_confirmation", "new-secret-99", "current_password", "secret1234"), pair.accessToken());

		assertThat(email.status()).isEqualTo(200);
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(password.status()).isEqualTo(200);
		assertThat(this.events.all()).extracting(PowAuthEvent::type)
			.containsExactly(PowAuthEventType.EMAIL_CHANGED, PowAuthEventType.PASSWORD_CHANGED);
		assertThat(single(PowAuthEventType.EMAIL_CHANGED, pair).details()).isEmpty();
		assertThat(single(PowAuthEventType.PASSWORD_CHANGED, pair).toString()).doesNotContain("new-secret-99")
			.doesNotContain("secret1234");
	}

	@Test
	void secondFactorCompletedThenOneSignInOfTheFirstFactorsMethodWithMultiFactor() {
		existingUser("jane@example.com", "secret1234");
		byte[] secret = this.twoFactors.beginEnrolment(janeId()).orElseThrow();
		assertThat(this.twoFactors.confirmEnrolment(janeId(), code(secret))).isPresent();
		this.clock.advance(Duration.ofSeconds(30));
		String pending = this.app.postJson("/api/v1/session",
				Map.of("email", "jane@example.com", "password", "secret1234"), null)
			.at("/error/pending_token");
		assertThat(this.events.of(PowAuthEventType.SIGNED_IN)).as("not before the code").isEmpty();

		Pair pair = this.app.postBody("/api/v1/session/two-factor", "application/json",
				JsonMapper.shared().writeValueAsString(Map.of("pending_token", pending, "code", code(secret))))
			.pair();

		PowAuthEvent signedIn = single(PowAuthEventType.SIGNED_IN, pair);
		assertThat(signedIn.details()).containsExactlyInAnyOrderEntriesOf(Map.of("method", "api", "multi_factor", "true"));
	}

	@Test
	void devicesEndedOverTheApiThenSessionsEndedOnce() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.app.signIn("jane@example.com", "secret1234");
		this.api.signIn("jane@example.com", "secret1234");
		this.events.clear();

		assertThat(this.app.delete("/api/v1/registration/sessions/others", "Bearer " + pair.accessToken()).status())
			.isEqualTo(200);

		assertOnly(PowAuthEventType.SESSIONS_ENDED);
		assertThat(single(PowAuthEventType.SESSIONS_ENDED, pair).details())
			.containsExactlyInAnyOrderEntriesOf(Map.of("scope", "others", "count", "1"));
	}

	private void assertOnly(PowAuthEventType type) {
		assertThat(this.events.all()).extracting(PowAuthEvent::type).containsOnly(type);
	}

	// The one event of the type, about Jane, from the app, carrying none of the tokens.
	private PowAuthEvent single(PowAuthEventType type, Pair... pairs) {
		List<PowAuthEvent> published = this.events.of(type);
		assertThat(published).as("%s events", type).hasSize(1);
		PowAuthEvent event = published.get(0);
		assertThat(event.userId()).isEqualTo(janeId());
		assertThat(event.actorId()).isNull();
		assertThat(event.realm()).isEqualTo("default");
		assertThat(event.occurredAt()).isEqualTo(this.clock.instant());
		assertFromTheApp(event);
		for (Pair pair : pairs) {
			assertThat(event.toString()).doesNotContain(pair.accessToken()).doesNotContain(pair.renewalToken());
		}
		return event;
	}

	private static void assertFromTheApp(PowAuthEvent event) {
		assertThat(event.clientAddress()).isEqualTo("127.0.0.1");
		assertThat(event.userAgent()).isEqualTo(AGENT);
	}

	private Long janeId() {
		return this.users.getByUserId("jane@example.com")
			.or(() -> this.users.getByUserId("jane@example.org"))
			.orElseThrow()
			.getId();
	}

	private String code(byte[] secret) {
		return Totp.code(secret, Totp.step(this.clock.instant()));
	}

}
