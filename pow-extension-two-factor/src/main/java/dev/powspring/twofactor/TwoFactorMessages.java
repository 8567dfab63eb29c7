package dev.powspring.twofactor;

import dev.powspring.web.PowMessages;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;

/**
 * The flash and form messages of two-factor sign-in. Declare a bean that extends this
 * class to compute one differently, or override a key in your
 * {@code messages.properties}.
 */
public class TwoFactorMessages {

	private final MessageSource messageSource;

	public TwoFactorMessages(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	/**
	 * Shown for a wrong, used or expired code.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String invalidCode(HttpServletRequest request) {
		return resolve(request, "pow.two-factor.messages.invalid-code");
	}

	/**
	 * Shown when the password is wrong on the two-factor settings page.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String invalidPassword(HttpServletRequest request) {
		return resolve(request, "pow.two-factor.messages.invalid-password");
	}

	/**
	 * Shown when the pending sign-in expired, took too many wrong codes, or is gone.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String signInExpired(HttpServletRequest request) {
		return resolve(request, "pow.two-factor.messages.sign-in-expired");
	}

	/**
	 * Shown after two-factor sign-in was turned on.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String enabled(HttpServletRequest request) {
		return resolve(request, "pow.two-factor.messages.enabled");
	}

	/**
	 * Shown after two-factor sign-in was turned off.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String disabled(HttpServletRequest request) {
		return resolve(request, "pow.two-factor.messages.disabled");
	}

	/**
	 * Shown after a sign-in completed with a recovery code.
	 * @param request the request
	 * @return the text, or {@code null}
	 */
	public String recoveryCodeUsed(HttpServletRequest request) {
		return resolve(request, "pow.two-factor.messages.recovery-code-used");
	}

	private String resolve(HttpServletRequest request, String code) {
		return PowMessages.resolve(this.messageSource, request, code);
	}

}
