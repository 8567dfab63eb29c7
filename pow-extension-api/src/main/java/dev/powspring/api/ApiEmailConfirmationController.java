package dev.powspring.api;

import java.util.Map;

import dev.powspring.emailconfirmation.EmailConfirmationReminder;
import dev.powspring.web.PowController;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /email-confirmation} with {@code user[email]}: mails a new confirmation
 * link when an account with the address waits for confirmation, and answers
 * {@code 200 {"data":{}}} either way. The link opens the web page.
 */
@PowController
@RestController
public class ApiEmailConfirmationController extends ApiControllerSupport {

	private final EmailConfirmationReminder reminder;

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param reminder mails confirmation links again
	 */
	public ApiEmailConfirmationController(Collaborators collaborators, EmailConfirmationReminder reminder) {
		super(collaborators);
		this.reminder = reminder;
	}

	/**
	 * Ask for a new confirmation link.
	 */
	@PostMapping("${pow.api.path:/api/v1}/email-confirmation")
	public ResponseEntity<Map<String, Object>> create(HttpServletRequest request) {
		this.reminder.remind(request, ApiEmailParam.of(ApiUserParams.read(request, userIdField()), userIdField()));
		return data(Map.of());
	}

}
