package dev.powspring.web;

import dev.powspring.session.PowCurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Tells every page, Pow's and the application's pages that use Pow's layout, which of
 * Pow's features are on, as the request attribute {@value #SIGN_UP_ATTRIBUTE}, so that
 * templates link only to pages that exist, and where Pow's routes are mounted, as
 * {@value PowRoutes#ATTRIBUTE}, and what extensions add to the layout, as
 * {@value PowPageContributions#ATTRIBUTE}; and gives the application's views the signed-in user
 * under the name it chose ({@code pow.current-user-attribute}).
 */
public class PowPageSettingsInterceptor implements HandlerInterceptor {

	/** Name of the request attribute telling whether people can sign up. */
	public static final String SIGN_UP_ATTRIBUTE = "powSignUpEnabled";

	private final Boolean signUpEnabled;

	private final String currentUserAttribute;

	private final PowRoutes routes;

	private final PowPageContributions contributions;

	/**
	 * Create an instance.
	 * @param signUpEnabled whether people can sign up ({@code pow.registration.enabled})
	 * @param currentUserAttribute the application's name for the signed-in user
	 * @param routes where Pow's routes are mounted
	 * @param contributions the fragments extensions add to pages
	 */
	public PowPageSettingsInterceptor(boolean signUpEnabled, String currentUserAttribute, PowRoutes routes,
			PowPageContributions contributions) {
		this.routes = routes;
		this.contributions = contributions;
		this.signUpEnabled = signUpEnabled;
		this.currentUserAttribute = PowCurrentUser.ATTRIBUTE.equals(currentUserAttribute) ? null
				: currentUserAttribute;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		request.setAttribute(SIGN_UP_ATTRIBUTE, this.signUpEnabled);
		request.setAttribute(PowRoutes.ATTRIBUTE, this.routes);
		request.setAttribute(PowPageContributions.ATTRIBUTE, this.contributions);
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		// After the handler, so a sign-in or sign-out during the request shows.
		if (this.currentUserAttribute != null) {
			request.setAttribute(this.currentUserAttribute, PowCurrentUser.get(request).orElse(null));
		}
	}

}
