package dev.powspring.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks Pow's own controllers, core and extensions, and through inheritance an
 * application's subclasses of them. Their answers carry Pow's security headers, and with
 * Spring Security their access is left to Pow's guards.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface PowController {

}
