package dev.powspring.api;

import java.util.Map;

import dev.powspring.user.PowUser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Adds fields to the error of an API sign-in that a sign-in guard refused, such as the
 * pending token with which a second factor completes it. Declare a bean of this type to
 * add one.
 */
@FunctionalInterface
public interface ApiSignInRefusalDetails {

	/**
	 * Return the fields to add to the {@code error} object.
	 * @param request the sign-in request
	 * @param user the user whose first factor was right
	 * @param refusal the guard's reason code
	 * @return the fields, empty for none
	 */
	Map<String, Object> details(HttpServletRequest request, PowUser user, String refusal);

}
