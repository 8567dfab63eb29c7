package dev.powspring.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs every MockMvc request of a test method (or of every method of a test class) as a
 * signed-in user: the user with this user id, created on the fly with a confirmed email
 * address when there is none. Works in {@code @SpringBootTest} with
 * {@code @AutoConfigureMockMvc} and in {@code @WebMvcTest}. A request that names its own
 * user with {@link PowMockMvc#powUser} runs as that one instead.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface WithPowUser {

	/**
	 * The user id to sign in as, such as {@code jane@example.com}.
	 * @return the user id
	 */
	String value();

	/**
	 * The roles the user has, besides those of {@code pow.roles.default}, when the user is
	 * created here.
	 * @return the roles
	 */
	String[] roles() default {};

	/**
	 * The realm the user belongs to, such as {@code "staff"}; empty for the default realm.
	 * The user is signed in to that realm, so requests under its prefix see them.
	 * @return the realm's name, or empty
	 */
	String realm() default "";

}
