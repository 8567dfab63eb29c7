package dev.powspring.web.guard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets only anonymous users reach a controller or handler method, such as a sign-in page;
 * signed-in users go through the {@link PowAuthErrorHandler}. On a method it overrides the
 * controller's annotation.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequireNotAuthenticated {

}
