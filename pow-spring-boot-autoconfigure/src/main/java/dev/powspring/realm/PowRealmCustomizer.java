package dev.powspring.realm;

import org.springframework.context.support.GenericApplicationContext;

/**
 * Customizes a realm's own application context before it starts: the place to replace one
 * of Pow's beans for a realm, as declaring the bean replaces it for the default realm.
 * <pre class="code">
 * &#64;Bean
 * PowRealmCustomizer staffMailer() {
 *     return (realm, context) -&gt; {
 *         if (realm.name().equals("staff")) {
 *             context.registerBean(PowMailer.class, StaffMailer::new);
 *         }
 *     };
 * }
 * </pre>
 * A realm's context sees the application's beans except Pow's own and the database
 * plumbing it makes for the realm's schema.
 */
@FunctionalInterface
public interface PowRealmCustomizer {

	/**
	 * Customize a realm's context.
	 * @param realm the realm
	 * @param context its context, not yet refreshed
	 */
	void customize(PowRealm realm, GenericApplicationContext context);

}
