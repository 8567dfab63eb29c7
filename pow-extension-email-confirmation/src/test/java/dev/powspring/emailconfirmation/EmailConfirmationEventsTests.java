package dev.powspring.emailconfirmation;

import java.util.Map;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth events of email confirmation: one for a confirmed address, one change (not a
 * confirmation besides) for a confirmed new address, and an unconfirmed sign-in reported as
 * such.
 */
@Import(AuthEventRecorder.class)
class EmailConfirmationEventsTests extends EmailConfirmationTestSupport {

	@Autowired
	private AuthEventRecorder events;

	@BeforeEach
	void forgetEarlierEvents() {
		this.events.clear();
	}

	@Test
	void confirmingTheRegistrationAddressPublishesEmailConfirmedOnce() {
		Browser browser = browser().header("User-Agent", AuthEventRecorder.USER_AGENT);
		register(browser, "jane@example.com", "secret1234");
		String path = confirmationPath(confirmationMailTo("jane@example.com"));
		this.events.clear();

		confirm(browser, path);

		PowAuthEvent confirmed = this.events.one(PowAuthEventType.EMAIL_CONFIRMED, idOf("jane@example.com"));
		assertThat(confirmed.details()).isEmpty();
		assertThat(this.events.types()).containsExactly(PowAuthEventType.EMAIL_CONFIRMED);
		this.events.assertNoDetailHolds(token(path), "secret1234");
	}

	@Test
	void confirmingWithAUsedLinkPublishesNothing() {
		Browser browser = browser().header("User-Agent", AuthEventRecorder.USER_AGENT);
		register(browser, "jane@example.com", "secret1234");
		String path = confirmationPath(confirmationMailTo("jane@example.com"));
		confirm(browser, path);
		this.events.clear();

		Browser.Page again = browser.get(path);

		assertThat(again.status()).isEqualTo(302);
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void confirmingAPendingNewAddressPublishesOneEmailChange() {
		Browser browser = confirmedUser("jane@example.com", "secret1234").header("User-Agent",
				AuthEventRecorder.USER_AGENT);
		Long id = idOf("jane@example.com");
		browser.submit(browser.get("/registration/edit"), "form.pow-form",
				Map.of("userId", "jane.new@example.com", "currentPassword", "secret1234"));
		String path = confirmationPath(confirmationMailTo("jane.new@example.com"));
		assertThat(this.events.types()).as("nothing changed yet").doesNotContain(PowAuthEventType.EMAIL_CHANGED);
		this.events.clear();

		confirm(browser, path);

		PowAuthEvent changed = this.events.one(PowAuthEventType.EMAIL_CHANGED, id);
		assertThat(changed.details()).containsExactly(Map.entry("confirmed", "true"));
		assertThat(this.events.types()).containsExactly(PowAuthEventType.EMAIL_CHANGED);
		this.events.assertNoDetailHolds(token(path), "jane.new", "secret1234");
	}

	@Test
	void signInWhenUnconfirmedIsAFailureForReasonUnconfirmed() {
		Browser browser = browser().header("User-Agent", AuthEventRecorder.USER_AGENT);
		register(browser, "jane@example.com", "secret1234");
		this.events.clear();

		signIn(browser, "jane@example.com", "secret1234");

		PowAuthEvent failed = this.events.one(PowAuthEventType.SIGN_IN_FAILED, idOf("jane@example.com"));
		assertThat(failed.detail(PowAuthEvent.REASON)).isEqualTo(PowAuthEvent.UNCONFIRMED);
		assertThat(this.events.types()).doesNotContain(PowAuthEventType.SIGNED_IN);
	}

	private Long idOf(String email) {
		return this.jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
	}

	private static String token(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
