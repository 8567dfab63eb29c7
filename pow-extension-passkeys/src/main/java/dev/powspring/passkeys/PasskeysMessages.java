package dev.powspring.passkeys;

import dev.powspring.web.PowMessages;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;

/**
 * The flash messages of passkeys. Declare a bean that extends this class to compute one
 * differently, or override a key in your {@code messages.properties}.
 */
public class PasskeysMessages {

	private final MessageSource messageSource;

	public PasskeysMessages(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	/**
	 * Shown after a passkey was registered.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String added(HttpServletRequest request) {
		return resolve(request, "pow.passkeys.messages.added");
	}

	/**
	 * Shown when the passkey was registered before.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String alreadyRegistered(HttpServletRequest request) {
		return resolve(request, "pow.passkeys.messages.already-registered");
	}

	/**
	 * Shown when a new passkey could not be verified.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String registrationFailed(HttpServletRequest request) {
		return resolve(request, "pow.passkeys.messages.registration-failed");
	}

	/**
	 * Shown after a passkey was renamed.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String renamed(HttpServletRequest request) {
		return resolve(request, "pow.passkeys.messages.renamed");
	}

	/**
	 * Shown after a passkey was removed.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String removed(HttpServletRequest request) {
		return resolve(request, "pow.passkeys.messages.removed");
	}

	/**
	 * Shown for a passkey the user does not have.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String notFound(HttpServletRequest request) {
		return resolve(request, "pow.passkeys.messages.not-found");
	}

	/**
	 * Shown when a passkey sign-in could not be verified.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String signInFailed(HttpServletRequest request) {
		return resolve(request, "pow.passkeys.messages.sign-in-failed");
	}

	/**
	 * Shown when passkeys cannot be used on the host the request came to.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String unavailable(HttpServletRequest request) {
		return resolve(request, "pow.passkeys.messages.unavailable");
	}

	/**
	 * The name a passkey gets when the user gives none.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String defaultName(HttpServletRequest request) {
		return resolve(request, "pow.passkeys.default-name");
	}

	private String resolve(HttpServletRequest request, String code) {
		return PowMessages.resolve(this.messageSource, request, code);
	}

}
