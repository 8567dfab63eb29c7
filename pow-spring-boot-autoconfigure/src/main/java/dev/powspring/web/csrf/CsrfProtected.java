package dev.powspring.web.csrf;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refuses a POST, PUT, PATCH or DELETE to this controller or handler method with 403
 * unless it carries Pow's CSRF token, as form parameter {@value PowCsrf#PARAMETER_NAME} or
 * header {@value PowCsrf#HEADER_NAME}. Every Pow controller carries it; an application's
 * controllers may too.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CsrfProtected {

}
