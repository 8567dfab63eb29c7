package dev.powspring.realm;

import java.util.regex.Pattern;

import jakarta.servlet.ServletRequest;

import org.springframework.util.Assert;

/**
 * A realm: one kind of user, with its own users table, routes prefix, cookies, session
 * namespace, messages, templates and extensions. The default realm is the application's
 * {@code pow.*} configuration; further realms are declared under {@code pow.realms.<name>}.
 * <p>
 * Every request belongs to one realm: the one whose routes prefix its path falls under,
 * else the default realm. Pow signs a request in, checks its CSRF token and applies its
 * guards with that realm only, so a session of one realm is anonymous in another.
 *
 * @param name the realm's name
 * @param prefix the path the realm owns, such as {@code /staff}; empty for the default
 * realm
 * @param schema the database schema of the realm's users; {@code null} for the default
 * realm, whose tables live where the application's do
 * @param templates the realm's template directory, searched before Pow's for its pages
 * and mails, such as {@code pow/realms/staff}; {@code null} for the default realm
 */
public record PowRealm(String name, String prefix, String schema, String templates) {

	/** Name of the default realm. */
	public static final String DEFAULT = "default";

	/** Name of the request attribute holding the name of the request's realm. */
	public static final String ATTRIBUTE = "powRealm";

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");

	private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

	public PowRealm {
		Assert.isTrue(DEFAULT.equals(name) || NAME.matcher(name).matches(), () -> "A realm's name is lower-case "
				+ "letters, digits and dashes, starting with a letter: '" + name + "' is not");
		Assert.isTrue(DEFAULT.equals(name) || PREFIX.matcher(prefix).matches(),
				() -> "pow.realms." + name + ".routes.prefix must be a plain path such as /" + name + ", not '"
						+ prefix + "'");
	}

	/**
	 * Return the name of the realm a request belongs to.
	 * @param request the request
	 * @return the realm's name, {@value #DEFAULT} unless a realm's prefix claimed it
	 */
	public static String of(ServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof String name) ? name : DEFAULT;
	}

	/**
	 * Tell whether this is the default realm.
	 * @return {@code true} for the default realm
	 */
	public boolean isDefault() {
		return DEFAULT.equals(this.name);
	}

	/**
	 * Tell whether a path, below the context path, lies in the realm's area.
	 * @param path the path
	 * @return {@code true} when it is the prefix or below it
	 */
	public boolean owns(String path) {
		return !isDefault() && (path.equals(this.prefix) || path.startsWith(this.prefix + "/"));
	}

}
