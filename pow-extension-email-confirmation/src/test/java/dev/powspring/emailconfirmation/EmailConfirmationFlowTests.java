package dev.powspring.emailconfirmation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.powspring.emailconfirmation.testapp.EmailConfirmationTestApplication.CountingPasswordEncoder;
import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering, confirming and signing in with email confirmation on.
 */
class EmailConfirmationFlowTests extends EmailConfirmationTestSupport {

	private static final String REQUIRED = "You'll need to confirm your e-mail before you can sign in. "
			+ "An e-mail confirmation link has been sent to you.";

	@Autowired
	private CountingPasswordEncoder passwordEncoder;

	@Test
	void registerThenNoSessionAndAConfirmationMail() throws Exception {
		Browser browser = browser();

		Browser.Page answer = register(browser, "jane@example.com", "secret1234");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/session/new");
		assertThat(browser.follow(answer).text(".pow-flash-info")).isEqualTo(REQUIRED);
		assertThat(browser.cookie("pow_session")).isEmpty();
		assertThat(browser.get("/notes").status()).isEqualTo(302);
		ReceivedMail mail = confirmationMailTo("jane@example.com");
		assertThat(this.jdbc.sql("SELECT token_hash FROM pow_email_confirmation_tokens").query(String.class).single())
			.as("only a hash is stored")
			.hasSize(64)
			.doesNotContain(confirmationPath(mail).substring("/confirm-email/".length()).split("\\.")[0]);
	}

	@Test
	void confirmationMailedAgainThenEveryEarlierLinkStillWorksAndConfirmingUsesThemAllUp() {
		register(browser(), "jane@example.com", "secret1234");
		String first = confirmationPath(confirmationMailTo("jane@example.com"));
		// Past the mailer's per-minute limit, so the refused sign-ins mail new links.
		this.clock.advance(Duration.ofMinutes(2));
		signIn(browser(), "jane@example.com", "secret1234");
		String second = confirmationPath(confirmationMailTo("jane@example.com"));
		this.clock.advance(Duration.ofMinutes(2));
		signIn(browser(), "jane@example.com", "secret1234");
		String third = confirmationPath(confirmationMailTo("jane@example.com"));

		assertThat(browser().get(second).status()).as("an earlier link").isEqualTo(200);
		Browser confirming = browser();
		Browser.Page confirmed = confirm(confirming, first);

		assertThat(confirming.follow(confirmed).text(".pow-flash-info")).isEqualTo("The email address has been confirmed.");
		assertThat(column("email_confirmed_at", "jane@example.com")).isNotNull();
		for (String used : new String[] { first, second, third }) {
			Browser browser = browser();
			assertThat(browser.follow(browser.get(used)).text(".pow-flash-error")).as(used)
				.isEqualTo("The confirmation token is invalid or has expired.");
		}
	}

	@Test
	void signInWhenUnconfirmedThenRefusedAndMailSentAgain() {
		register(browser(), "jane@example.com", "secret1234");
		confirmationMailTo("jane@example.com");
		Browser browser = browser();

		Browser.Page answer = signIn(browser, "jane@example.com", "secret1234");

		assertThat(answer.location()).endsWith("/session/new");
		assertThat(browser.follow(answer).text(".pow-flash-info")).isEqualTo(REQUIRED);
		assertThat(browser.cookie("pow_session")).isEmpty();
		confirmationMailTo("jane@example.com");
	}

	@Test
	void confirmationMailsSentAgainAreLimitedPerAddressWithoutChangingTheAnswer() {
		register(browser(), "jane@example.com", "secret1234");
		confirmationMailTo("jane@example.com");
		for (int attempt = 1; attempt <= 6; attempt++) {
			// Past the mailer's own per-minute limit, so only the resend limit counts.
			this.clock.advance(Duration.ofMinutes(2));
			Browser browser = browser();
			Browser.Page answer = signIn(browser, "jane@example.com", "secret1234");
			assertThat(browser.follow(answer).text(".pow-flash-info")).as("attempt %d", attempt).isEqualTo(REQUIRED);
			// The registration's mail counts too: five confirmation mails per hour in all.
			if (attempt <= 4) {
				confirmationMailTo("jane@example.com");
			}
		}
		register(browser(), "sentinel@example.com", "secret1234");

		confirmationMailTo("sentinel@example.com");
		assertThat(mailbox.receivedBy("jane@example.com")).as("no further mail to jane before the sentinel's").hasSize(5);
	}

	@Test
	void signInThroughApplicationsOwnEndpointWhenUnconfirmedThenForbidden() {
		register(browser(), "jane@example.com", "secret1234");
		confirmationMailTo("jane@example.com");
		Browser browser = browser();

		Browser.Page answer = browser.post("/api/sign-in", Map.of("email", "jane@example.com", "password", "secret1234"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(browser.cookie("pow_session")).isEmpty();
	}

	@Test
	void confirmationLinkOpenedThenNothingConfirmedUntilTheButtonIsPressed() {
		register(browser(), "jane@example.com", "secret1234");
		String path = confirmationPath(confirmationMailTo("jane@example.com"));
		Browser browser = browser();

		Browser.Page page = browser.get(path);

		assertThat(page.text("[data-test=email]")).contains("jane@example.com");
		assertThat(column("email_confirmed_at", "jane@example.com")).isNull();
		Browser.Page confirmed = browser.submit(page, "form.pow-form", Map.of());
		assertThat(confirmed.location()).endsWith("/session/new");
		assertThat(browser.follow(confirmed).text(".pow-flash-info")).isEqualTo("The email address has been confirmed.");
		assertThat(browser.cookie("pow_session")).as("confirming does not sign in").isEmpty();
		assertThat(signIn(browser, "jane@example.com", "secret1234").status()).isEqualTo(302);
		assertThat(browser.get("/notes").body()).isEqualTo("notes of jane@example.com");
	}

	@Test
	void confirmWhenCsrfTokenMissingThenForbiddenAndNotConfirmed() {
		register(browser(), "jane@example.com", "secret1234");
		String path = confirmationPath(confirmationMailTo("jane@example.com"));
		Browser browser = browser();
		browser.get(path);

		assertThat(browser.post(path, Map.of()).status()).isEqualTo(403);
		assertThat(column("email_confirmed_at", "jane@example.com")).isNull();
	}

	@Test
	void confirmWhenLinkUsedTwiceExpiredOrTamperedThenInvalid() {
		register(browser(), "jane@example.com", "secret1234");
		String used = confirmationPath(confirmationMailTo("jane@example.com"));
		confirm(browser(), used);
		register(browser(), "joe@example.com", "secret1234");
		String expired = confirmationPath(confirmationMailTo("joe@example.com"));
		this.clock.advance(Duration.ofDays(3));
		String tampered = used.substring(0, used.lastIndexOf('.')) + "x" + used.substring(used.lastIndexOf('.'));

		for (String path : new String[] { used, expired, tampered, "/confirm-email/made-up" }) {
			Browser browser = browser();
			Browser.Page answer = browser.get(path);
			assertThat(answer.status()).as(path).isEqualTo(302);
			assertThat(browser.follow(answer).text(".pow-flash-error"))
				.isEqualTo("The confirmation token is invalid or has expired.");
		}
		assertThat(column("email_confirmed_at", "joe@example.com")).isNull();
	}

	@Test
	void registerWhenEmailTakenThenLooksLikeARegistrationAndChangesNothing() {
		confirmedUser("jane@example.com", "secret1234");
		String hashBefore = column("password_hash", "jane@example.com");
		int encodingsBefore = this.passwordEncoder.encodings();
		Browser stranger = browser();

		Browser.Page taken = register(stranger, "JANE@example.com", "other-secret-9");
		int encodingsForTaken = this.passwordEncoder.encodings() - encodingsBefore;
		Browser newcomer = browser();
		Browser.Page fresh = register(newcomer, "joe@example.com", "secret1234");
		int encodingsForFresh = this.passwordEncoder.encodings() - encodingsBefore - encodingsForTaken;

		assertThat(taken.status()).isEqualTo(fresh.status());
		assertThat(taken.location()).isEqualTo(fresh.location());
		assertThat(stranger.follow(taken).text(".pow-flash-info")).isEqualTo(newcomer.follow(fresh).text(".pow-flash-info"));
		assertThat(encodingsForTaken).as("password hashes paid").isEqualTo(encodingsForFresh);
		assertThat(column("password_hash", "jane@example.com")).isEqualTo(hashBefore);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(2);
		confirmationMailTo("joe@example.com");
		assertThat(mailbox.received()).extracting(ReceivedMail::recipient)
			.as("the only mail since jane's confirmation is the newcomer's")
			.containsExactly("jane@example.com", "joe@example.com");
	}

	@Test
	void registerWhenFormHasMistakesThenATakenEmailGetsTheAnswerAFreeOneGets() {
		confirmedUser("jane@example.com", "secret1234");
		Map<String, Map<String, String>> mistakes = Map.of(
				"too short", Map.of("password", "short", "passwordConfirmation", "short"),
				"confirmation differs", Map.of("password", "secret1234", "passwordConfirmation", "secret9999"),
				"blank password", Map.of("password", "", "passwordConfirmation", ""));

		mistakes.forEach((mistake, fields) -> {
			Browser.Page taken = submitRegistration("jane@example.com", fields);
			Browser.Page free = submitRegistration("nobody@example.com", fields);

			assertThat(taken.status()).as(mistake).isEqualTo(free.status()).isEqualTo(200);
			assertThat(errorsOf(taken)).as(mistake).isEqualTo(errorsOf(free)).doesNotContain("has already been taken");
		});
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(1);
	}

	private Browser.Page submitRegistration(String email, Map<String, String> fields) {
		Browser browser = browser();
		Map<String, String> form = new HashMap<>(fields);
		form.put("userId", email);
		return browser.submit(browser.get("/registration/new"), "form.pow-form", form);
	}

	private static List<String> errorsOf(Browser.Page page) {
		return page.document().select("[id$=-error]").eachText();
	}

}
