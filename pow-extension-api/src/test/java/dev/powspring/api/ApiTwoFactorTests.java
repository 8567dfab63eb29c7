package dev.powspring.api;

import java.time.Duration;
import java.util.Map;

import dev.powspring.api.ApiClient.Answer;
import dev.powspring.twofactor.Totp;
import dev.powspring.twofactor.TwoFactors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in over the API: a password answers with a pending token, and the
 * pending token with a code answers with the token pair.
 */
class ApiTwoFactorTests extends ApiTestSupport {

	private static final String PATH = "/api/v1/session/two-factor";

	private static final Map<String, String> CREDENTIALS = Map.of("email", "jane@example.com", "password",
			"secret1234");

	@Autowired
	private TwoFactors twoFactors;

	@Test
	void passwordThenPendingTokenThenCodeThenPair() {
		byte[] secret = userWithTwoFactor();

		Answer first = this.api.postJson("/api/v1/session", CREDENTIALS, null);

		assertThat(first.status()).isEqualTo(403);
		assertThat(first.at("/error/code")).isEqualTo("two_factor_required");
		assertThat(first.at("/error/reason")).isEqualTo("two_factor_required");
		assertThat(first.at("/error/message")).startsWith("Enter the code from your authenticator app");
		assertThat(first.at("/data")).isNull();
		String pending = first.at("/error/pending_token");
		assertThat(pending).isNotBlank();
		assertThat(this.api.get("/api/v1/notes", pending).status()).as("no access token").isEqualTo(401);

		Answer second = postJson(Map.of("pending_token", pending, "code", code(secret)));

		ApiClient.Pair pair = second.pair();
		assertThat(this.api.get("/api/v1/notes", pair.accessToken()).at("/data/owner")).isEqualTo("jane@example.com");
		Answer renewed = this.api.post("/api/v1/session/renew", pair.renewalToken());
		assertThat(renewed.status()).as("a renewal keeps working").isEqualTo(200);
		assertThat(postJson(Map.of("pending_token", pending, "code", code(secret))).status())
			.as("the pending token is used up").isEqualTo(401);
	}

	@Test
	void formBodyAndRecoveryCodeWorkOnce() {
		userWithTwoFactor();
		String recoveryCode = this.twoFactors.regenerateRecoveryCodes(userId()).get(0);
		String pending = this.api.postForm("/api/v1/session", CREDENTIALS, null).at("/error/pending_token");

		Answer answer = postForm("pending_token=" + pending + "&recovery_code=" + recoveryCode);

		assertThat(answer.status()).isEqualTo(200);
		String again = this.api.postForm("/api/v1/session", CREDENTIALS, null).at("/error/pending_token");
		assertThat(postForm("pending_token=" + again + "&recovery_code=" + recoveryCode).status()).isEqualTo(401);
	}

	@Test
	void wrongCodeThen401AndCountsTowardsTheThrottle() {
		byte[] secret = userWithTwoFactor();
		String wrong = String.format("%06d", (Integer.parseInt(code(secret)) + 1) % 1_000_000);
		Answer answer = null;
		// Ten wrong codes, five per pending token: then the account's code attempts are refused.
		for (int round = 0; round < 2; round++) {
			String pending = this.api.postJson("/api/v1/session", CREDENTIALS, null).at("/error/pending_token");
			for (int i = 0; i < 5; i++) {
				answer = postJson(Map.of("pending_token", pending, "code", wrong));
				assertThat(answer.status()).isEqualTo(401);
				assertThat(answer.at("/error/code")).isIn("invalid_code", "invalid_pending_token");
			}
			assertThat(answer.at("/error/code")).as("the fifth wrong code ends the pending token")
				.isEqualTo("invalid_pending_token");
		}
		String pending = this.api.postJson("/api/v1/session", CREDENTIALS, null).at("/error/pending_token");

		Answer refused = postJson(Map.of("pending_token", pending, "code", code(secret)));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isPresent();
	}

	@Test
	void codeReusedOrPendingTokenForgedThen401() {
		byte[] secret = userWithTwoFactor();
		String code = code(secret);
		String pending = this.api.postJson("/api/v1/session", CREDENTIALS, null).at("/error/pending_token");
		assertThat(postJson(Map.of("pending_token", pending, "code", code)).status()).isEqualTo(200);

		String again = this.api.postJson("/api/v1/session", CREDENTIALS, null).at("/error/pending_token");
		assertThat(postJson(Map.of("pending_token", again, "code", code)).at("/error/code")).isEqualTo("invalid_code");
		assertThat(postJson(Map.of("pending_token", again + "x", "code", code)).at("/error/code"))
			.isEqualTo("invalid_pending_token");
		assertThat(postJson(Map.of("code", code)).status()).isEqualTo(401);
	}

	@Test
	void malformedBodyThen400() {
		assertThat(postRaw("{\"pending_token\": [1]}").status()).isEqualTo(400);
		assertThat(postRaw("not json").status()).isEqualTo(400);
	}

	@Test
	void userWithoutTwoFactorGetsThePairAtOnce() {
		existingUser("jane@example.com", "secret1234");

		assertThat(this.api.postJson("/api/v1/session", CREDENTIALS, null).status()).isEqualTo(200);
	}

	private byte[] userWithTwoFactor() {
		existingUser("jane@example.com", "secret1234");
		byte[] secret = this.twoFactors.beginEnrolment(userId()).orElseThrow();
		assertThat(this.twoFactors.confirmEnrolment(userId(), code(secret))).isPresent();
		this.clock.advance(Duration.ofSeconds(30));
		return secret;
	}

	private Long userId() {
		return this.users.getByUserId("jane@example.com").orElseThrow().getId();
	}

	private String code(byte[] secret) {
		return Totp.code(secret, Totp.step(this.clock.instant()));
	}

	private Answer postJson(Map<String, String> body) {
		return postRaw(JsonMapper.shared().writeValueAsString(body));
	}

	private Answer postRaw(String json) {
		return this.api.postBody(PATH, "application/json", json);
	}

	private Answer postForm(String body) {
		return this.api.postBody(PATH, "application/x-www-form-urlencoded", body);
	}

}
