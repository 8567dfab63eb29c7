package dev.powspring.invitation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.powspring.test.web.Browser;
import dev.powspring.web.callback.PowAction;
import dev.powspring.web.callback.PowCallbackContext;
import dev.powspring.web.callback.PowCallbackResult;
import dev.powspring.web.callback.PowControllerCallback;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inviting, sending again and revoking run through the controller callbacks: a callback
 * that halts one answers instead, and nothing is stored, mailed or deleted.
 */
@Import(InvitationCallbackTests.Halting.class)
class InvitationCallbackTests extends InvitationTestSupport {

	@Autowired
	private Halting halting;

	@AfterEach
	void haltNothing() {
		this.halting.actions.clear();
	}

	@Test
	void inviteWhenCallbackHaltsThenItsAnswerAndNobodyInvited() {
		this.halting.actions.add(InvitationController.CREATE);

		Browser.Page answer = invite(this.inviter, "joe@example.com");

		assertThat(answer.location()).endsWith("/halted");
		assertThat(this.users.getByUserId("joe@example.com")).isEmpty();
		Awaitility.await("the mail queue to empty").until(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.receivedBy("joe@example.com")).isEmpty();
	}

	@Test
	void resendAndRevokeWhenCallbackHaltsThenItsAnswerAndTheInvitationKept() {
		invite(this.inviter, "joe@example.com");
		String link = acceptPath(invitationTo("joe@example.com"));
		this.halting.actions.addAll(Set.of(InvitationController.RESEND, InvitationController.REVOKE));
		Browser.Page page = this.inviter.get("/invitations/new");

		Browser.Page resent = this.inviter.submit(page, "[data-test=pending] form:nth-of-type(1)", Map.of());
		Browser.Page revoked = this.inviter.submit(page, "[data-test=pending] form:nth-of-type(2)", Map.of());

		assertThat(resent.location()).endsWith("/halted");
		assertThat(revoked.location()).endsWith("/halted");
		assertThat(this.users.getByUserId("joe@example.com")).isPresent();
		assertThat(browser().get(link).status()).as("the first link still works").isEqualTo(200);
		Awaitility.await("the mail queue to empty").until(() -> this.mailDelivery.inFlight() == 0);
		assertThat(mailbox.receivedBy("joe@example.com")).hasSize(1);
	}

	/**
	 * Halts the chosen actions before they run; as a callback bean it joins the chain.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Halting implements PowControllerCallback {

		final Set<PowAction> actions = ConcurrentHashMap.newKeySet();

		@Override
		public PowCallbackResult beforeProcess(PowCallbackContext context) {
			return this.actions.contains(context.action()) ? PowCallbackResult.halt("redirect:/halted")
					: PowCallbackResult.proceed();
		}

	}

}
