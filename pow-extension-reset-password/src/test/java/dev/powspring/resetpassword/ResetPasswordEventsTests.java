package dev.powspring.resetpassword;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.test.mail.ReceivedMail;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth events of a reset: one when a link goes to an account, none for an unknown
 * address, one when the new password is set, and never the token or the password.
 */
@Import(AuthEventRecorder.class)
class ResetPasswordEventsTests extends ResetPasswordTestSupport {

	@Autowired
	private AuthEventRecorder events;

	@BeforeEach
	void forgetEarlierEvents() {
		this.events.clear();
	}

	@Test
	void resetPublishesRequestedThenCompletedOnceEach() {
		register("jane@example.com", "old-secret-1");
		Long id = this.users.getByEmail("jane@example.com").orElseThrow().getId();
		Browser browser = browser().header("User-Agent", AuthEventRecorder.USER_AGENT);

		requestReset(browser, "jane@example.com");

		PowAuthEvent requested = this.events.one(PowAuthEventType.PASSWORD_RESET_REQUESTED, id);
		assertThat(requested.details()).isEmpty();
		assertThat(this.events.types()).containsExactly(PowAuthEventType.PASSWORD_RESET_REQUESTED);
		ReceivedMail mail = resetMailTo("jane@example.com");
		String path = resetPath(mail);

		chooseNewPassword(browser, path, "new-secret-2", "new-secret-3");
		assertThat(this.events.types()).as("a refused new password completes nothing")
			.containsExactly(PowAuthEventType.PASSWORD_RESET_REQUESTED);
		chooseNewPassword(browser, path, "new-secret-2", "new-secret-2");

		this.events.one(PowAuthEventType.PASSWORD_RESET_COMPLETED, id);
		assertThat(this.events.types()).as("a reset is not a password change")
			.containsExactly(PowAuthEventType.PASSWORD_RESET_REQUESTED, PowAuthEventType.PASSWORD_RESET_COMPLETED);
		this.events.assertNoDetailHolds(path.substring(path.lastIndexOf('/') + 1), "new-secret-2", "old-secret-1");
	}

	@Test
	void requestForUnknownAddressPublishesNothingAndAnswersAlike() {
		register("jane@example.com", "old-secret-1");
		Browser browser = browser().header("User-Agent", AuthEventRecorder.USER_AGENT);
		Browser.Page known = requestReset(browser, "jane@example.com");
		this.events.clear();

		Browser.Page unknown = requestReset(browser, "nobody@example.com");

		assertThat(this.events.all()).isEmpty();
		assertThat(unknown.status()).isEqualTo(known.status());
		assertThat(unknown.location()).isEqualTo(known.location());
		assertThat(browser.follow(unknown).text(".pow-flash-info")).startsWith("If an account for the provided email exists");
	}

}
