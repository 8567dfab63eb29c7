package dev.powspring.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.powspring.api.ApiClient.Answer;
import dev.powspring.api.ApiClient.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the contract of Pow's API guide, in both body encodings, over real HTTP.
 */
class ApiContractTests extends ApiTestSupport {

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void registerThenATokenPairThatSignsRequestsIn(boolean json) {
		Map<String, String> user = Map.of("email", "Jane@Example.com", "password", "secret1234",
				"password_confirmation", "secret1234");

		Answer answer = json ? this.api.postJson("/api/v1/registration", user, null)
				: this.api.postForm("/api/v1/registration", user, null);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Set-Cookie")).as("no cookie").isEmpty();
		Pair pair = answer.pair();
		assertThat(pair.accessToken()).isNotBlank().isNotEqualTo(pair.renewalToken());
		assertThat(this.api.get("/api/v1/notes", pair.accessToken()).at("/data/owner")).isEqualTo("jane@example.com");
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void registerInvalidThen422WithTheErrorsOfEachField(boolean json) {
		existingUser("taken@example.com", "secret1234");
		Map<String, String> user = Map.of("email", "not-an-email", "password", "secret1234",
				"password_confirmation", "other");

		Answer answer = json ? this.api.postJson("/api/v1/registration", user, null)
				: this.api.postForm("/api/v1/registration", user, null);

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.at("/error/status")).isEqualTo("422");
		assertThat(answer.at("/error/message")).isEqualTo("Couldn't create the user");
		assertThat(answer.at("/error/errors/email/0")).isEqualTo("has invalid format");
		assertThat(answer.at("/error/errors/password_confirmation/0")).isEqualTo("does not match confirmation");
		assertThat(this.jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void signInThenAPairAndWrongCredentialsThen401(boolean json) {
		existingUser("jane@example.com", "secret1234");
		Map<String, String> right = Map.of("email", "jane@example.com", "password", "secret1234");
		Map<String, String> wrong = Map.of("email", "jane@example.com", "password", "wrong-one");
		Map<String, String> unknown = Map.of("email", "nobody@example.com", "password", "secret1234");

		Answer signedIn = json ? this.api.postJson("/api/v1/session", right, null)
				: this.api.postForm("/api/v1/session", right, null);
		Answer refused = json ? this.api.postJson("/api/v1/session", wrong, null)
				: this.api.postForm("/api/v1/session", wrong, null);
		Answer stranger = json ? this.api.postJson("/api/v1/session", unknown, null)
				: this.api.postForm("/api/v1/session", unknown, null);

		assertThat(this.api.get("/api/v1/notes", signedIn.pair().accessToken()).status()).isEqualTo(200);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().toString())
			.isEqualTo("{\"error\":{\"status\":401,\"message\":\"Invalid email or password\"}}");
		assertThat(stranger.body()).isEqualTo(refused.body());
	}

	@Test
	void renewThenANewPairAndTheOldPairIsDead() {
		existingUser("jane@example.com", "secret1234");
		Pair first = this.api.signIn("jane@example.com", "secret1234");

		Answer renewed = this.api.post("/api/v1/session/renew", first.renewalToken());

		Pair second = renewed.pair();
		assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
		assertThat(this.api.get("/api/v1/notes", second.accessToken()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/notes", first.accessToken()).status()).as("old access token").isEqualTo(401);
		Answer reused = this.api.post("/api/v1/session/renew", first.renewalToken());
		assertThat(reused.status()).as("old renewal token").isEqualTo(401);
		assertThat(reused.json().toString()).isEqualTo("{\"error\":{\"status\":401,\"message\":\"Invalid token\"}}");
		assertThat(this.api.get("/api/v1/notes", second.accessToken()).status())
			.as("a reuse within the grace period is no theft")
			.isEqualTo(200);
	}

	@Test
	void renewThirtyTimesInParallelThenExactlyOnePair() throws Exception {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.api.signIn("jane@example.com", "secret1234");
		ExecutorService clients = Executors.newFixedThreadPool(30);
		try {
			List<Future<Answer>> answers = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				answers.add(clients.submit(() -> this.api.post("/api/v1/session/renew", pair.renewalToken())));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Answer> answer : answers) {
				statuses.add(answer.get().status());
			}

			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status != 200).containsOnly(401);
		}
		finally {
			clients.shutdown();
		}
	}

	@Test
	void renewWithBadTokensThen401() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.api.signIn("jane@example.com", "secret1234");

		assertThat(this.api.post("/api/v1/session/renew", null).status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/session/renew", "garbage").status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/session/renew", pair.accessToken()).status())
			.as("an access token is no renewal token")
			.isEqualTo(401);
		assertThat(this.api.post("/api/v1/session/renew", pair.renewalToken() + "x").status()).isEqualTo(401);
	}

	@Test
	void signOutThenBothTokensAreDead() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.api.signIn("jane@example.com", "secret1234");

		Answer signedOut = this.api.delete("/api/v1/session", pair.accessToken());

		assertThat(signedOut.status()).isEqualTo(200);
		assertThat(signedOut.body()).isEqualTo("{\"data\":{}}");
		assertThat(this.api.get("/api/v1/notes", pair.accessToken()).status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/session/renew", pair.renewalToken()).status()).isEqualTo(401);
	}

	@Test
	void authorizationHeaderTakesTheRawTokenOrBearer() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.api.signIn("jane@example.com", "secret1234");

		assertThat(this.api.get("/api/v1/notes", pair.accessToken()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/notes", "Bearer " + pair.accessToken()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/notes", "bearer  " + pair.accessToken()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/notes", "Basic " + pair.accessToken()).status()).isEqualTo(401);
	}

	@Test
	void anonymousApiRequestThen401InTheGuidesShape() {
		Answer answer = this.api.get("/api/v1/notes", null);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.at("/error/code")).isEqualTo("401");
		assertThat(answer.at("/error/status")).isEqualTo("401");
		assertThat(answer.at("/error/message")).isEqualTo("Not authenticated");
	}

	@Test
	void postWithATokenNeedsNoCsrf() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.api.signIn("jane@example.com", "secret1234");

		Answer added = this.api.post("/api/v1/notes", pair.accessToken());

		assertThat(added.status()).isEqualTo(200);
		assertThat(added.at("/data/added_by")).isEqualTo("jane@example.com");
		assertThat(added.header("Set-Cookie")).isEmpty();
	}

	@Test
	void accessTokenExpiresThenRenewalStillWorks() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.api.signIn("jane@example.com", "secret1234");

		this.clock.advance(Duration.ofMinutes(31));

		assertThat(this.api.get("/api/v1/notes", pair.accessToken()).status()).isEqualTo(401);
		Pair renewed = this.api.post("/api/v1/session/renew", pair.renewalToken()).pair();
		assertThat(this.api.get("/api/v1/notes", renewed.accessToken()).status()).isEqualTo(200);
	}

	@Test
	void renewalTokenExpiresAfterThirtyDaysEvenWhenRenewed() {
		existingUser("jane@example.com", "secret1234");
		Pair pair = this.api.signIn("jane@example.com", "secret1234");
		this.clock.advance(Duration.ofDays(20));
		Pair renewed = this.api.post("/api/v1/session/renew", pair.renewalToken()).pair();

		this.clock.advance(Duration.ofDays(11));

		assertThat(this.api.post("/api/v1/session/renew", renewed.renewalToken()).status()).isEqualTo(401);
	}

	@Test
	void renewalTokenReusedAfterTheGracePeriodThenEveryTokenOfTheUserIsRevoked() {
		existingUser("jane@example.com", "secret1234");
		Pair stolen = this.api.signIn("jane@example.com", "secret1234");
		Pair otherDevice = this.api.signIn("jane@example.com", "secret1234");
		Pair renewed = this.api.post("/api/v1/session/renew", stolen.renewalToken()).pair();

		this.clock.advance(Duration.ofMinutes(1));
		Answer replay = this.api.post("/api/v1/session/renew", stolen.renewalToken());

		assertThat(replay.status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/notes", renewed.accessToken()).status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/session/renew", renewed.renewalToken()).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/notes", otherDevice.accessToken()).status()).isEqualTo(401);
	}

}
