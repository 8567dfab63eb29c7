package dev.powspring.web.guard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets only signed-in users with one of the given roles reach a controller or handler
 * method: an anonymous user is sent to sign in, a signed-in user without the role is
 * refused with 403 (a page, or JSON for API clients). On a method it overrides the
 * controller's annotation.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequireRole {

	/**
	 * The roles, any one of which lets the user in.
	 * @return the role names, such as {@code admin}
	 */
	String[] value();

	/**
	 * The realm whose users may pass, such as {@code "staff"}; empty for the realm of the
	 * request. On a request of another realm, every user counts as anonymous.
	 * @return the realm's name, or empty
	 */
	String realm() default "";

}
