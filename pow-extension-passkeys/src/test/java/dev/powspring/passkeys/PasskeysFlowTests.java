package dev.powspring.passkeys;

import java.time.Duration;
import java.util.Map;

import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering a passkey on the account page and signing in with it, over HTTP against
 * PostgreSQL, and every rule of the ceremonies.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasskeysFlowTests extends PasskeysTestSupport {

	@Test
	void registerThenSignInWithThePasskeyAlone() {
		Long id = register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		TestAuthenticator authenticator = addPasskey(account, "Laptop");
		Browser.Page page = account.get(path("/registration/passkeys"));
		assertThat(page.text(".pow-passkey-name")).isEqualTo("Laptop");
		assertThat(page.text(".pow-passkey-last-used-at")).isEqualTo("Never");

		Browser browser = new Browser(this.port);
		assertThat(browser.get("/notes").status()).isEqualTo(302);
		Browser.Page answer = signInWithPasskey(browser, authenticator);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/");
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
		assertThat(browser.follow(answer).status()).isNotEqualTo(500);
		assertThat(this.jdbc.sql("SELECT last_used_at IS NOT NULL FROM pow_passkeys WHERE user_id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(browser.get(path("/registration/passkeys")).text(".pow-passkey-last-used-at")).isNotEqualTo("Never");
	}

	@Test
	void signInGoesToTheRequestedPage() {
		register("jane@example.com");
		TestAuthenticator authenticator = addPasskey(signedIn("jane@example.com"), "Laptop");
		Browser browser = new Browser(this.port);
		Browser.Page page = browser.get(path("/session/new"));
		Browser.Page answer = browser.post(path("/session/passkey"), Map.of("_csrf", csrf(page), "credential",
				authenticator.get(signInOptions(browser)), "request_path", "/notes"));
		assertThat(answer.location()).endsWith("/notes");
	}

	@Test
	void registrationOptionsAskForADiscoverablePasskeyWithARandomUserHandle() {
		Long id = register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		var options = TestAuthenticator.parse(registrationOptions(account));

		assertThat(options.get("rp").get("id").asString()).isEqualTo("localhost");
		assertThat(options.get("authenticatorSelection").get("residentKey").asString()).isEqualTo("required");
		assertThat(options.get("authenticatorSelection").get("userVerification").asString()).isEqualTo("preferred");
		assertThat(options.get("attestation").asString()).isEqualTo("none");
		String handle = options.get("user").get("id").asString();
		assertThat(TestAuthenticator.decode(handle)).hasSize(32);
		assertThat(handle).isNotEqualTo(String.valueOf(id)).doesNotContain("jane");
		assertThat(TestAuthenticator.parse(registrationOptions(account)).get("user").get("id").asString())
			.as("the same handle every time").isEqualTo(handle);
	}

	@Test
	void signInOptionsAllowAnyPasskey() {
		var options = TestAuthenticator.parse(signInOptions(new Browser(this.port)));
		assertThat(options.get("allowCredentials").size()).isZero();
		assertThat(options.get("rpId").asString()).isEqualTo("localhost");
		assertThat(options.get("timeout").asLong()).isEqualTo(Duration.ofMinutes(5).toMillis());
	}

	@Test
	void signInWhenChallengeReusedThenRefused() {
		register("jane@example.com");
		TestAuthenticator authenticator = addPasskey(signedIn("jane@example.com"), "Laptop").counter(1);
		Browser first = new Browser(this.port);
		String options = signInOptions(first);
		assertThat(signInWithPasskey(first, authenticator.get(options)).status()).isEqualTo(302);

		Browser second = new Browser(this.port);
		Browser.Page answer = signInWithPasskey(second, authenticator.assertion(challenge(options), 10));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text(".pow-flash-error")).isEqualTo("The passkey could not be verified. Please try again.");
		assertThat(second.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void signInWhenChallengeExpiredThenRefused() {
		register("jane@example.com");
		TestAuthenticator authenticator = addPasskey(signedIn("jane@example.com"), "Laptop");
		Browser browser = new Browser(this.port);
		String options = signInOptions(browser);
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

		assertThat(signInWithPasskey(browser, authenticator.get(options)).status()).isEqualTo(400);
		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void registrationWhenChallengeExpiredOrReusedThenRefused() {
		Long id = register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		String options = registrationOptions(account);
		this.clock.advance(Duration.ofMinutes(6));
		Browser.Page answer = addPasskey(account, authenticator().create(options), "Laptop");
		assertThat(account.follow(answer).text(".pow-flash-error"))
			.isEqualTo("The passkey could not be added. Please try again.");

		String fresh = registrationOptions(account);
		assertThat(addPasskey(account, authenticator().create(fresh), "Laptop").status()).isEqualTo(302);
		addPasskey(account, authenticator().create(fresh), "Phone");
		assertThat(passkeyCount(id)).as("only the first answer to a challenge").isEqualTo(1);
	}

	@Test
	void registeringTheSamePasskeyTwiceThenAlreadyRegistered() {
		Long id = register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		TestAuthenticator authenticator = addPasskey(account, "Laptop");
		String options = registrationOptions(account);
		assertThat(TestAuthenticator.parse(options).get("excludeCredentials").get(0).get("id").asString())
			.isEqualTo(authenticator.credentialId());

		Browser.Page again = addPasskey(account, authenticator.create(options), "Laptop again");

		assertThat(account.follow(again).text(".pow-flash-error")).isEqualTo("This passkey is registered already.");
		assertThat(passkeyCount(id)).isEqualTo(1);
	}

	@Test
	void registrationAnsweringAnotherUsersChallengeThenRefused() {
		Long jane = register("jane@example.com");
		register("joe@example.com");
		String janesOptions = registrationOptions(signedIn("jane@example.com"));
		Browser joe = signedIn("joe@example.com");
		addPasskey(joe, authenticator().create(janesOptions), "Laptop");
		assertThat(passkeyCount(jane)).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM pow_passkeys").query(Long.class).single()).isZero();
	}

	@Test
	void signInWhenOriginOrRpIdWrongThenRefused() {
		register("jane@example.com");
		TestAuthenticator authenticator = addPasskey(signedIn("jane@example.com"), "Laptop");
		Browser browser = new Browser(this.port);

		authenticator.origin("http://evil.example");
		assertThat(signInWithPasskey(browser, authenticator).status()).isEqualTo(400);
		authenticator.origin("http://localhost:" + this.port).rpId("evil.example");
		assertThat(signInWithPasskey(browser, authenticator).status()).isEqualTo(400);
		assertThat(browser.get("/notes").status()).isEqualTo(302);

		authenticator.rpId("localhost");
		assertThat(signInWithPasskey(browser, authenticator).status()).isEqualTo(302);
	}

	@Test
	void registrationWhenOriginOrRpIdWrongThenRefused() {
		Long id = register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		addPasskey(account, authenticator().origin("http://evil.example").create(registrationOptions(account)), "A");
		addPasskey(account, authenticator().rpId("evil.example").create(registrationOptions(account)), "B");
		assertThat(passkeyCount(id)).isZero();
	}

	@Test
	void signInWhenCounterDoesNotIncreaseThenRefusedAndLogged(CapturedOutput output) {
		register("jane@example.com");
		TestAuthenticator authenticator = authenticator().counter(5);
		Browser account = signedIn("jane@example.com");
		addPasskey(account, authenticator.create(registrationOptions(account)), "Key");
		Browser browser = new Browser(this.port);
		assertThat(signInWithPasskey(browser, authenticator).status()).as("counter 6").isEqualTo(302);

		Browser clone = new Browser(this.port);
		Browser.Page answer = signInWithPasskey(clone, authenticator.assertion(challenge(signInOptions(clone)), 6));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(clone.get("/notes").status()).isEqualTo(302);
		assertThat(output).contains("did not increase (stored 6, presented 6)")
			.contains("the authenticator may have been cloned");
	}

	@Test
	void passkeysWithoutCounterSignInAgainAndAgain() {
		register("jane@example.com");
		TestAuthenticator authenticator = addPasskey(signedIn("jane@example.com"), "Synced");
		for (int i = 0; i < 3; i++) {
			assertThat(signInWithPasskey(new Browser(this.port), authenticator).status()).isEqualTo(302);
		}
	}

	@Test
	void signInWithUserVerificationCountsAsMultiFactor() {
		Long id = register("jane@example.com");
		TestAuthenticator authenticator = addPasskey(signedIn("jane@example.com"), "Laptop");
		// From now on the test application's guard asks this user for more than a password.
		this.jdbc.sql("UPDATE users SET email = 'mfa@example.com' WHERE id = ?").param(id).update();
		assertThat(signedInStatus("mfa@example.com")).as("password alone").isEqualTo(302);
		Browser browser = new Browser(this.port);
		assertThat(signInWithPasskey(browser, authenticator).status()).isEqualTo(302);
		assertThat(browser.get("/notes").status()).isEqualTo(200);

		Browser withoutVerification = new Browser(this.port);
		authenticator.userVerified(false);
		assertThat(signInWithPasskey(withoutVerification, authenticator).status()).isLessThan(500);
		assertThat(withoutVerification.get("/notes").status()).as("one factor only").isEqualTo(302);
	}

	@Test
	void renameAndRemove() {
		Long id = register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		addPasskey(account, "Laptop");
		Browser.Page page = account.get(path("/registration/passkeys"));

		Browser.Page renamed = account.submit(page, "form.pow-passkey-rename", Map.of("name", "  Work laptop "));
		assertThat(renamed.status()).isEqualTo(302);
		page = account.follow(renamed);
		assertThat(page.text(".pow-flash-info")).isEqualTo("The passkey has been renamed.");
		assertThat(page.text(".pow-passkey-name")).isEqualTo("Work laptop");

		Browser.Page removed = account.submit(page, "form.pow-passkey-remove", Map.of());
		page = account.follow(removed);
		assertThat(page.text(".pow-flash-info")).isEqualTo("The passkey has been removed.");
		assertThat(page.text(".pow-passkeys-empty")).isEqualTo("You have no passkeys yet.");
		assertThat(passkeyCount(id)).isZero();
	}

	@Test
	void removedPasskeySignsNoOneIn() {
		register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		TestAuthenticator authenticator = addPasskey(account, "Laptop");
		account.submit(account.get(path("/registration/passkeys")), "form.pow-passkey-remove", Map.of());

		Browser browser = new Browser(this.port);
		assertThat(signInWithPasskey(browser, authenticator).status()).isEqualTo(400);
		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void changesWithoutCsrfTokenThenForbidden() {
		Long id = register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		TestAuthenticator authenticator = addPasskey(account, "Laptop");
		long passkeyId = this.jdbc.sql("SELECT id FROM pow_passkeys WHERE user_id = ?").param(id).query(Long.class).single();

		assertThat(account.post(path("/registration/passkeys/options"), Map.of()).status()).isEqualTo(403);
		assertThat(account.post(path("/registration/passkeys"),
				Map.of("credential", authenticator().create(registrationOptions(account)))).status()).isEqualTo(403);
		assertThat(account.post(path("/registration/passkeys/" + passkeyId), Map.of("_method", "patch", "name", "X"))
			.status()).isEqualTo(403);
		assertThat(account.post(path("/registration/passkeys/" + passkeyId), Map.of("_method", "delete")).status())
			.isEqualTo(403);
		assertThat(passkeyCount(id)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT name FROM pow_passkeys WHERE id = ?").param(passkeyId).query(String.class).single())
			.isEqualTo("Laptop");

		Browser browser = new Browser(this.port);
		browser.get(path("/session/new"));
		assertThat(browser.post(path("/session/passkey/options"), Map.of()).status()).isEqualTo(403);
		String credential = authenticator.get(signInOptions(browser));
		assertThat(browser.post(path("/session/passkey"), Map.of("credential", credential)).status()).isEqualTo(403);
		assertThat(browser.get("/notes").status()).isEqualTo(302);
	}

	@Test
	void optionsTakeTheCsrfTokenInAHeader() {
		Browser browser = new Browser(this.port);
		String token = csrf(browser.get(path("/session/new")));
		browser.header("X-CSRF-TOKEN", token);
		assertThat(browser.post(path("/session/passkey/options"), Map.of()).status()).isEqualTo(200);
	}

	@Test
	void anotherUsersPasskeyCannotBeRenamedOrRemoved() {
		Long jane = register("jane@example.com");
		register("joe@example.com");
		addPasskey(signedIn("jane@example.com"), "Laptop");
		long passkeyId = this.jdbc.sql("SELECT id FROM pow_passkeys WHERE user_id = ?").param(jane).query(Long.class).single();
		Browser joe = signedIn("joe@example.com");
		String token = csrf(joe.get(path("/registration/passkeys")));

		Browser.Page renamed = joe.post(path("/registration/passkeys/" + passkeyId),
				Map.of("_method", "patch", "_csrf", token, "name", "Mine"));
		assertThat(joe.follow(renamed).text(".pow-flash-error")).isEqualTo("No such passkey.");
		joe.post(path("/registration/passkeys/" + passkeyId), Map.of("_method", "delete", "_csrf", token));
		joe.post(path("/registration/passkeys/not-a-number"), Map.of("_method", "delete", "_csrf", token));

		assertThat(passkeyCount(jane)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT name FROM pow_passkeys WHERE id = ?").param(passkeyId).query(String.class).single())
			.isEqualTo("Laptop");
	}

	@Test
	void passkeysRemovedWithTheAccount() {
		Long id = register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		addPasskey(account, "Laptop");
		addPasskey(account, "Phone");
		assertThat(passkeyCount(id)).isEqualTo(2);

		Browser.Page deleted = account.submit(account.get(path("/registration/edit")), ".pow-danger-zone form",
				Map.of("currentPassword", PASSWORD));

		assertThat(deleted.status()).isEqualTo(302);
		assertThat(this.users.getById(id)).isEmpty();
		assertThat(passkeyCount(id)).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM pow_passkey_user_handles WHERE user_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void passkeysPageNeedsASignedInUser() {
		Browser browser = new Browser(this.port);
		assertThat(browser.get(path("/registration/passkeys")).status()).isEqualTo(302);
		String token = csrf(browser.get(path("/session/new")));
		assertThat(browser.post(path("/registration/passkeys/options"), Map.of("_csrf", token)).status())
			.isEqualTo(302);
	}

	@Test
	void malformedAnswersThenBadRequestNotServerError() {
		register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		String token = csrf(account.get(path("/registration/passkeys")));
		Browser.Page added = account.post(path("/registration/passkeys"), Map.of("_csrf", token, "credential", "{nope"));
		assertThat(account.follow(added).text(".pow-flash-error")).isEqualTo("The passkey could not be added. Please try again.");
		assertThat(account.post(path("/registration/passkeys"), Map.of("_csrf", token)).status()).isEqualTo(302);

		Browser browser = new Browser(this.port);
		assertThat(signInWithPasskey(browser, "{\"id\":\"x\"}").status()).isEqualTo(400);
		assertThat(signInWithPasskey(browser, "garbage").status()).isEqualTo(400);
		String page = csrf(browser.get(path("/session/new")));
		assertThat(browser.post(path("/session/passkey"), Map.of("_csrf", page)).status()).isEqualTo(400);
	}

	@Test
	void accountAndSignInPagesOfferPasskeys() {
		register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		Browser.Page edit = account.get(path("/registration/edit"));
		assertThat(edit.document().select(".pow-passkeys-section a").attr("href")).endsWith(path("/registration/passkeys"));

		Browser.Page signIn = new Browser(this.port).get(path("/session/new"));
		assertThat(signIn.document().select("#pow-passkey-sign-in").attr("data-options-url"))
			.endsWith(path("/session/passkey/options"));
		assertThat(signIn.document().select("script[src$=passkeys.js]")).isNotEmpty();
		assertThat(new Browser(this.port).get("/pow/passkeys.js").body()).contains("navigator.credentials.get");
	}

	@Test
	void pagesInGerman() {
		register("jane@example.com");
		Browser account = signedIn("jane@example.com");
		account.acceptLanguage("de");
		assertThat(account.get(path("/registration/passkeys")).text("h1")).isEqualTo("Passkeys");
		assertThat(account.get(path("/registration/passkeys")).text("#pow-passkey-add button"))
			.isEqualTo("Passkey hinzufügen");
	}

}
