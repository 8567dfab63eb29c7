package dev.powspring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Tells every page, Pow's and the application's pages that use Pow's layout, which of
 * Pow's features are on, as the request attribute {@value #SIGN_UP_ATTRIBUTE}, so that
 * templates link only to pages that exist.
 */
public class PowPageSettingsInterceptor implements HandlerInterceptor {

	/** Name of the request attribute telling whether people can sign up. */
	public static final String SIGN_UP_ATTRIBUTE = "powSignUpEnabled";

	private final Boolean signUpEnabled;

	/**
	 * Create an instance.
	 * @param signUpEnabled whether people can sign up ({@code pow.registration.enabled})
	 */
	public PowPageSettingsInterceptor(boolean signUpEnabled) {
		this.signUpEnabled = signUpEnabled;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		request.setAttribute(SIGN_UP_ATTRIBUTE, this.signUpEnabled);
		return true;
	}

}
