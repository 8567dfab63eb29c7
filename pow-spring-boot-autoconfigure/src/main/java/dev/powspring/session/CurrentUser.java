package dev.powspring.session;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller method parameter to the signed-in user, or {@code null} for an
 * anonymous request. The parameter's type may be {@code PowUser} or the application's
 * own user entity.
 * <pre class="code">
 * &#64;GetMapping("/notes")
 * String notes(&#64;CurrentUser Member member, Model model) { ... }
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentUser {

	/**
	 * The realm whose user to bind, such as {@code "staff"}; empty for the realm of the
	 * request. On a request of another realm the parameter is {@code null}.
	 * @return the realm's name, or empty
	 */
	String realm() default "";

}
