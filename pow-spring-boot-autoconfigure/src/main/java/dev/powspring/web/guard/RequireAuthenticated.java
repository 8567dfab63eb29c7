package dev.powspring.web.guard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets only signed-in users reach a controller or handler method; others go through the
 * {@link PowAuthErrorHandler}. On a method it overrides the controller's annotation.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequireAuthenticated {

	/**
	 * The realm whose users may pass, such as {@code "staff"}; empty for the realm of the
	 * request. On a request of another realm, every user counts as anonymous.
	 * @return the realm's name, or empty
	 */
	String realm() default "";

}
