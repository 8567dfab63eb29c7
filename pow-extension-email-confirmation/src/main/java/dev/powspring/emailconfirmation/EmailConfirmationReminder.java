package dev.powspring.emailconfirmation;

import dev.powspring.session.SignInRefusedEvent;
import dev.powspring.throttle.RequestThrottle;
import dev.powspring.user.EmailConfirmationOperations;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationListener;

/**
 * Mails a new confirmation link to a user refused for an unconfirmed email, whatever was
 * signing the user in: the sign-in form, registration, an invitation, the API.
 */
public class EmailConfirmationReminder implements ApplicationListener<SignInRefusedEvent> {

	private final EmailConfirmations confirmations;

	private final EmailConfirmationOperations operations;

	private final PowUsersService users;

	private RequestThrottle throttle;

	/**
	 * Create an instance.
	 * @param confirmations the confirmation state
	 * @param operations sends confirmation links
	 * @param users finds users by email address
	 */
	public EmailConfirmationReminder(EmailConfirmations confirmations, EmailConfirmationOperations operations,
			PowUsersService users) {
		this.confirmations = confirmations;
		this.operations = operations;
		this.users = users;
	}

	/**
	 * Limit how often confirmation mails go out again, per address and per client. Beyond
	 * the limit the answer stays the same but no mail is sent.
	 * @param throttle the throttle, or {@code null} for no limit
	 */
	public void setThrottle(RequestThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public void onApplicationEvent(SignInRefusedEvent event) {
		if (EmailConfirmationSignInGuard.EMAIL_UNCONFIRMED.equals(event.getReason())) {
			remind(event.getRequest(), event.getUser());
		}
	}

	/**
	 * Mail a new link to the account with this address, when it waits for confirmation and
	 * is not locked; nothing otherwise, so that the caller answers alike either way.
	 * @param request the request, for the link's host and the mail's locale
	 * @param email the address
	 */
	public void remind(HttpServletRequest request, String email) {
		this.users.getByEmail(email)
			.filter((user) -> !user.isLocked() && !this.confirmations.isConfirmed(user.getId()))
			.ifPresent((user) -> remind(request, user));
	}

	private void remind(HttpServletRequest request, PowUser user) {
		boolean refused = this.throttle != null && this.throttle.attempt(request, user.getUserId()).isPresent();
		if (!refused) {
			this.operations.sendConfirmationLink(request, user);
		}
	}

}
