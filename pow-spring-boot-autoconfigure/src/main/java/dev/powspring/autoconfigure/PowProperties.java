package dev.powspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.powspring.password.PasswordAlgorithm;
import dev.powspring.session.PowCurrentUser;
import dev.powspring.throttle.PowLimit;
import dev.powspring.user.UserIdField;
import dev.powspring.web.PowCookie;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for Pow.
 */
@ConfigurationProperties("pow")
public class PowProperties {

	/**
	 * Field users sign in with; its column holds a unique, trimmed and lower-cased value.
	 */
	private UserIdField userIdField = UserIdField.EMAIL;

	/**
	 * Secret that signs every token Pow hands to browsers; at least 32 characters, the
	 * same on every node. When unset, a random one is made at startup, so sessions do not
	 * survive a restart or span nodes.
	 */
	private String secretKey;

	/**
	 * Properties of the application's own user entity that the registration and account
	 * forms may set, sent as fields[name].
	 */
	private List<String> userFields = new ArrayList<>();

	/**
	 * Base URL of the application for links in mails, such as https://notes.example. When
	 * unset, links are built from the request that caused the mail, and only when its host
	 * is a loopback one or listed in pow.allowed-hosts; no mail is sent for other hosts.
	 */
	private String baseUrl;

	/**
	 * Hosts, besides loopback ones, whose requests may have mail links built from their
	 * own URL when pow.base-url is unset.
	 */
	private List<String> allowedHosts = new ArrayList<>();

	/**
	 * Whether Pow's cookies get the __Host- prefix on HTTPS requests, so that neither a
	 * sibling subdomain nor a plain-HTTP page can plant or overwrite them.
	 */
	private boolean hostPrefixedCookies = true;

	/**
	 * Whether flows that could reveal if an account exists (password reset, registration
	 * with email confirmation, invitations) answer the same either way.
	 */
	private boolean preventUserEnumeration = true;

	/**
	 * Name under which views and request attributes hold the signed-in user, besides
	 * currentUser, which Pow's own templates read.
	 */
	private String currentUserAttribute = PowCurrentUser.ATTRIBUTE;

	private final Password password = new Password();

	private final Mail mail = new Mail();

	private final Mailbox mailbox = new Mailbox();

	private final Session session = new Session();

	private final Csrf csrf = new Csrf();

	private final Flash flash = new Flash();

	private final Guards guards = new Guards();

	private final Registration registration = new Registration();

	private final Routes routes = new Routes();

	private final Roles roles = new Roles();

	private final Admin admin = new Admin();

	private final Store store = new Store();

	private final Audit audit = new Audit();

	private final Notifications notifications = new Notifications();

	private final Devices devices = new Devices();

	private final Throttle throttle = new Throttle();

	/**
	 * Further realms, by name: kinds of users apart from the default one, each with its own
	 * table, routes, cookies and sessions. Every other pow.* setting may be given for a
	 * realm, as pow.realms.staff.session.ttl for pow.session.ttl, and is otherwise inherited.
	 */
	private Map<String, Realm> realms = new LinkedHashMap<>();

	private final Tenancy tenancy = new Tenancy();

	public UserIdField getUserIdField() {
		return this.userIdField;
	}

	public void setUserIdField(UserIdField userIdField) {
		this.userIdField = userIdField;
	}

	public String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(String secretKey) {
		this.secretKey = secretKey;
	}

	public List<String> getUserFields() {
		return this.userFields;
	}

	public void setUserFields(List<String> userFields) {
		this.userFields = userFields;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public boolean isHostPrefixedCookies() {
		return this.hostPrefixedCookies;
	}

	public void setHostPrefixedCookies(boolean hostPrefixedCookies) {
		this.hostPrefixedCookies = hostPrefixedCookies;
	}

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

	public boolean isPreventUserEnumeration() {
		return this.preventUserEnumeration;
	}

	public void setPreventUserEnumeration(boolean preventUserEnumeration) {
		this.preventUserEnumeration = preventUserEnumeration;
	}

	public String getCurrentUserAttribute() {
		return this.currentUserAttribute;
	}

	public void setCurrentUserAttribute(String currentUserAttribute) {
		this.currentUserAttribute = currentUserAttribute;
	}

	public Password getPassword() {
		return this.password;
	}

	public Mail getMail() {
		return this.mail;
	}

	public Mailbox getMailbox() {
		return this.mailbox;
	}

	public Session getSession() {
		return this.session;
	}

	public Csrf getCsrf() {
		return this.csrf;
	}

	public Flash getFlash() {
		return this.flash;
	}

	public Guards getGuards() {
		return this.guards;
	}

	public Registration getRegistration() {
		return this.registration;
	}

	public Routes getRoutes() {
		return this.routes;
	}

	public Roles getRoles() {
		return this.roles;
	}

	public Admin getAdmin() {
		return this.admin;
	}

	public Store getStore() {
		return this.store;
	}

	public Audit getAudit() {
		return this.audit;
	}

	public Notifications getNotifications() {
		return this.notifications;
	}

	public Devices getDevices() {
		return this.devices;
	}

	public Map<String, Realm> getRealms() {
		return this.realms;
	}

	public void setRealms(Map<String, Realm> realms) {
		this.realms = realms;
	}

	public Tenancy getTenancy() {
		return this.tenancy;
	}

	public Throttle getThrottle() {
		return this.throttle;
	}

	/**
	 * Limits on failed sign-ins and on requests that send mail.
	 */
	public static class Throttle {

		/**
		 * Whether sign-ins and mail-sending requests are limited. Turning it off lets
		 * anyone guess passwords at full speed.
		 */
		private boolean enabled = true;

		/**
		 * Header a trusted proxy sets with the client's address, such as
		 * X-Forwarded-For. When empty, the connection's address is used; set it only
		 * behind a proxy that overwrites the header.
		 */
		private String clientAddressHeader;

		/**
		 * Failed sign-ins per account, and per known device of an account: a browser that
		 * signed in to the account before counts its failures apart.
		 */
		@NestedConfigurationProperty
		private PowLimit signInPerAccount = new PowLimit(10, Duration.ofMinutes(15), Duration.ofMinutes(15));

		/**
		 * Name of the signed cookie that makes a browser a known device of the account it
		 * signed in to.
		 */
		private String deviceCookieName = "pow_device";

		/**
		 * How long a browser stays a known device after it last signed in.
		 */
		private Duration deviceTtl = Duration.ofDays(365);

		/**
		 * Failed sign-ins per client address.
		 */
		@NestedConfigurationProperty
		private PowLimit signInPerAddress = new PowLimit(100, Duration.ofHours(1), Duration.ofHours(1));

		/**
		 * Password reset requests per email address.
		 */
		@NestedConfigurationProperty
		private PowLimit resetPasswordPerTarget = new PowLimit(5, Duration.ofHours(1), Duration.ofHours(1));

		/**
		 * Password reset requests per client address.
		 */
		@NestedConfigurationProperty
		private PowLimit resetPasswordPerAddress = new PowLimit(20, Duration.ofHours(1), Duration.ofHours(1));

		/**
		 * Confirmation mails sent again per email address.
		 */
		@NestedConfigurationProperty
		private PowLimit confirmationPerTarget = new PowLimit(5, Duration.ofHours(1), Duration.ofHours(1));

		/**
		 * Confirmation mails sent again per client address.
		 */
		@NestedConfigurationProperty
		private PowLimit confirmationPerAddress = new PowLimit(20, Duration.ofHours(1), Duration.ofHours(1));

		/**
		 * Invitations per inviter.
		 */
		@NestedConfigurationProperty
		private PowLimit invitationPerTarget = new PowLimit(20, Duration.ofHours(1), Duration.ofHours(1));

		/**
		 * Invitations per client address.
		 */
		@NestedConfigurationProperty
		private PowLimit invitationPerAddress = new PowLimit(50, Duration.ofHours(1), Duration.ofHours(1));

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getClientAddressHeader() {
			return this.clientAddressHeader;
		}

		public void setClientAddressHeader(String clientAddressHeader) {
			this.clientAddressHeader = clientAddressHeader;
		}

		public String getDeviceCookieName() {
			return this.deviceCookieName;
		}

		public void setDeviceCookieName(String deviceCookieName) {
			this.deviceCookieName = deviceCookieName;
		}

		public Duration getDeviceTtl() {
			return this.deviceTtl;
		}

		public void setDeviceTtl(Duration deviceTtl) {
			this.deviceTtl = deviceTtl;
		}

		public PowLimit getSignInPerAccount() {
			return this.signInPerAccount;
		}

		public PowLimit getSignInPerAddress() {
			return this.signInPerAddress;
		}

		public PowLimit getResetPasswordPerTarget() {
			return this.resetPasswordPerTarget;
		}

		public PowLimit getResetPasswordPerAddress() {
			return this.resetPasswordPerAddress;
		}

		public PowLimit getConfirmationPerTarget() {
			return this.confirmationPerTarget;
		}

		public PowLimit getConfirmationPerAddress() {
			return this.confirmationPerAddress;
		}

		public PowLimit getInvitationPerTarget() {
			return this.invitationPerTarget;
		}

		public PowLimit getInvitationPerAddress() {
			return this.invitationPerAddress;
		}

	}

	/**
	 * Mails.
	 */
	public static class Mail {

		/**
		 * Sender address of Pow's mails.
		 */
		private String from = "no-reply@localhost";

		/**
		 * Maximum number of mails one recipient gets per rate window; further mails are
		 * dropped with a warning. Zero or less for no limit.
		 */
		private int rateLimit = 2;

		/**
		 * Window of the per-recipient mail limit.
		 */
		private Duration rateWindow = Duration.ofMinutes(1);

		public String getFrom() {
			return this.from;
		}

		public void setFrom(String from) {
			this.from = from;
		}

		public int getRateLimit() {
			return this.rateLimit;
		}

		public void setRateLimit(int rateLimit) {
			this.rateLimit = rateLimit;
		}

		public Duration getRateWindow() {
			return this.rateWindow;
		}

		public void setRateWindow(Duration rateWindow) {
			this.rateWindow = rateWindow;
		}

	}

	/**
	 * The development mailbox.
	 */
	public static class Mailbox {

		/**
		 * Whether mails are kept in memory and listed at /dev/mailbox instead of being
		 * sent. For development only: anyone can read them there.
		 */
		private boolean enabled = false;

		/**
		 * Most mails the mailbox keeps; older ones fall off.
		 */
		private int capacity = 100;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

	}

	/**
	 * Sessions.
	 */
	public static class Session extends CookieSettings {

		/**
		 * Name of the cookie carrying the signed session token.
		 */
		private String cookieName = "pow_session";

		/**
		 * How long a session lives after its last renewal; Pow's idle timeout.
		 */
		private Duration ttl = Duration.ofMinutes(30);

		/**
		 * How long a session token is used before it is replaced by a new one. Zero rotates
		 * on every request; empty never rotates.
		 */
		private Duration renewalInterval = Duration.ofMinutes(15);

		/**
		 * How long a replaced token keeps working, so concurrent requests of the same
		 * browser are not signed out by a rotation.
		 */
		private Duration rotationGrace = Duration.ofSeconds(30);

		/**
		 * How long a session lives at most from sign-in, however active; remember-me may
		 * then start a new one. Empty for no limit.
		 */
		private Duration absoluteTtl = Duration.ofHours(24);

		/**
		 * Whether the signed-in user is read from the database on every request, so that
		 * a change made outside Pow shows at once and a deleted user is signed out; costs
		 * one query per signed-in request.
		 */
		private boolean reloadUser;

		public Duration getAbsoluteTtl() {
			return this.absoluteTtl;
		}

		public boolean isReloadUser() {
			return this.reloadUser;
		}

		public void setReloadUser(boolean reloadUser) {
			this.reloadUser = reloadUser;
		}

		public void setAbsoluteTtl(Duration absoluteTtl) {
			this.absoluteTtl = absoluteTtl;
		}

		public String getCookieName() {
			return this.cookieName;
		}

		public void setCookieName(String cookieName) {
			this.cookieName = cookieName;
		}

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		public Duration getRenewalInterval() {
			return this.renewalInterval;
		}

		public void setRenewalInterval(Duration renewalInterval) {
			this.renewalInterval = renewalInterval;
		}

		public Duration getRotationGrace() {
			return this.rotationGrace;
		}

		public void setRotationGrace(Duration rotationGrace) {
			this.rotationGrace = rotationGrace;
		}

	}

	/**
	 * CSRF protection.
	 */
	public static class Csrf extends CookieSettings {

		/**
		 * Name of the cookie holding the browser's CSRF secret.
		 */
		private String cookieName = "pow_csrf";

		public String getCookieName() {
			return this.cookieName;
		}

		public void setCookieName(String cookieName) {
			this.cookieName = cookieName;
		}

	}

	/**
	 * Flash messages.
	 */
	public static class Flash {

		/**
		 * Name of the signed cookie carrying flash messages across a redirect.
		 */
		private String cookieName = "pow_flash";

		public String getCookieName() {
			return this.cookieName;
		}

		public void setCookieName(String cookieName) {
			this.cookieName = cookieName;
		}

	}

	/**
	 * Path patterns guarded without annotations.
	 */
	public static class Guards {

		/**
		 * Path patterns only signed-in users may reach, such as /notes/**.
		 */
		private List<String> authenticatedPaths = new ArrayList<>();

		/**
		 * Path patterns only anonymous users may reach.
		 */
		private List<String> notAuthenticatedPaths = new ArrayList<>();

		/**
		 * Path patterns only signed-in users with a role may reach, by role, such as
		 * admin: /admin/**. A user without the role gets 403; an anonymous one is sent to
		 * sign in.
		 */
		private Map<String, List<String>> rolePaths = new LinkedHashMap<>();

		public Map<String, List<String>> getRolePaths() {
			return this.rolePaths;
		}

		public void setRolePaths(Map<String, List<String>> rolePaths) {
			this.rolePaths = rolePaths;
		}

		public List<String> getAuthenticatedPaths() {
			return this.authenticatedPaths;
		}

		public void setAuthenticatedPaths(List<String> authenticatedPaths) {
			this.authenticatedPaths = authenticatedPaths;
		}

		public List<String> getNotAuthenticatedPaths() {
			return this.notAuthenticatedPaths;
		}

		public void setNotAuthenticatedPaths(List<String> notAuthenticatedPaths) {
			this.notAuthenticatedPaths = notAuthenticatedPaths;
		}

	}

	/**
	 * Where one of Pow's cookies goes besides its name: domain, path and SameSite.
	 */
	public abstract static class CookieSettings {

		/**
		 * Domain the cookie is sent to besides the host that set it, such as example.com
		 * for all its subdomains; empty for that host only. A cookie with a domain does
		 * not get the __Host- prefix.
		 */
		private String cookieDomain;

		/**
		 * Path under which the cookie is sent. A path other than / drops the __Host-
		 * prefix.
		 */
		private String cookiePath = "/";

		/**
		 * SameSite attribute of the cookie: Lax, Strict or None (None needs HTTPS).
		 */
		private String cookieSameSite = "Lax";

		public abstract String getCookieName();

		public String getCookieDomain() {
			return this.cookieDomain;
		}

		public void setCookieDomain(String cookieDomain) {
			this.cookieDomain = cookieDomain;
		}

		public String getCookiePath() {
			return this.cookiePath;
		}

		public void setCookiePath(String cookiePath) {
			this.cookiePath = cookiePath;
		}

		public String getCookieSameSite() {
			return this.cookieSameSite;
		}

		public void setCookieSameSite(String cookieSameSite) {
			this.cookieSameSite = cookieSameSite;
		}

		/**
		 * Return the cookie these settings describe.
		 * @return the cookie
		 */
		public PowCookie cookie() {
			return new PowCookie(getCookieName(), this.cookieDomain, this.cookiePath, this.cookieSameSite);
		}

	}

	/**
	 * Signing up.
	 */
	public static class Roles {

		// pow.roles.default: described in additional-spring-configuration-metadata.json,
		// since a field cannot be named after a keyword.
		private List<String> defaultRoles = new ArrayList<>(List.of("user"));

		public List<String> getDefault() {
			return this.defaultRoles;
		}

		public void setDefault(List<String> defaultRoles) {
			this.defaultRoles = defaultRoles;
		}

	}

	public static class Admin {

		/**
		 * User ids that get the admin role when they register or sign in with their
		 * password: how a new application gets its first admin.
		 */
		private List<String> initialAdmins = new ArrayList<>();

		public List<String> getInitialAdmins() {
			return this.initialAdmins;
		}

		public void setInitialAdmins(List<String> initialAdmins) {
			this.initialAdmins = initialAdmins;
		}

	}

	/**
	 * What sets a realm apart beyond the pow.* settings it overrides.
	 */
	public static class Realm {

		/**
		 * Fully qualified name of the realm's user entity, a subclass of PowUser mapped to
		 * the table "users". Empty for Pow's default entity.
		 */
		private String userClass;

		/**
		 * Database schema holding the realm's users table and its Pow migration history;
		 * Pow's migrations create it. Empty for the realm's name.
		 */
		private String schema;

		/**
		 * Base name of the realm's message bundle, whose keys take precedence over the
		 * application's and Pow's on the realm's pages and in its mails. Empty for
		 * "pow/realms/" followed by the realm's name and "/messages".
		 */
		private String messages;

		/**
		 * Template directory searched first for the realm's pages and mails: a page Pow renders as
		 * "pow/session/new" is taken from "session/new" in this directory when that
		 * template exists. Empty for "pow/realms/" followed by the realm's name.
		 */
		private String templates;

		public String getUserClass() {
			return this.userClass;
		}

		public void setUserClass(String userClass) {
			this.userClass = userClass;
		}

		public String getSchema() {
			return this.schema;
		}

		public void setSchema(String schema) {
			this.schema = schema;
		}

		public String getMessages() {
			return this.messages;
		}

		public void setMessages(String messages) {
			this.messages = messages;
		}

		public String getTemplates() {
			return this.templates;
		}

		public void setTemplates(String templates) {
			this.templates = templates;
		}

	}

	/**
	 * Multitenancy: several customers (tenants) in one deployment, each with users of its
	 * own.
	 */
	public static class Tenancy {

		/**
		 * Where each tenant's users live: none (no tenancy), schema (a database schema per
		 * tenant) or column (one users table with a tenant_id column).
		 */
		private PowTenancyMode mode = PowTenancyMode.NONE;

		/**
		 * What names the tenant of a request: subdomain (acme.example.com, under
		 * pow.tenancy.domain), header (pow.tenancy.header-name) or path (/t/acme/..., under
		 * pow.tenancy.path-prefix).
		 */
		private PowTenantResolverType resolver = PowTenantResolverType.SUBDOMAIN;

		/**
		 * Domain whose subdomains name tenants, such as "example.com" for acme.example.com.
		 */
		private String domain;

		/**
		 * Header that names the tenant of a request.
		 */
		private String headerName = "X-Pow-Tenant";

		/**
		 * Path under which the next segment names the tenant, such as "/t" for /t/acme/...;
		 * the application sees the rest of the path, as if /t/acme were its context path.
		 */
		private String pathPrefix = "/t";

		/**
		 * Tenants created at startup when missing; more are created at runtime through
		 * PowTenants.
		 */
		private List<String> tenants = new ArrayList<>();

		/**
		 * Prefix of each tenant's schema name in schema mode: tenant "acme" lives in
		 * "tenant_acme".
		 */
		private String schemaPrefix = "tenant_";

		/**
		 * Path patterns served without a tenant, such as static files and the error page.
		 */
		private List<String> sharedPaths = new ArrayList<>(
				List.of("/pow/**", "/dev/mailbox", "/dev/mailbox/**", "/error", "/favicon.ico"));

		public PowTenancyMode getMode() {
			return this.mode;
		}

		public void setMode(PowTenancyMode mode) {
			this.mode = mode;
		}

		public PowTenantResolverType getResolver() {
			return this.resolver;
		}

		public void setResolver(PowTenantResolverType resolver) {
			this.resolver = resolver;
		}

		public String getDomain() {
			return this.domain;
		}

		public void setDomain(String domain) {
			this.domain = domain;
		}

		public String getHeaderName() {
			return this.headerName;
		}

		public void setHeaderName(String headerName) {
			this.headerName = headerName;
		}

		public String getPathPrefix() {
			return this.pathPrefix;
		}

		public void setPathPrefix(String pathPrefix) {
			this.pathPrefix = pathPrefix;
		}

		public List<String> getTenants() {
			return this.tenants;
		}

		public void setTenants(List<String> tenants) {
			this.tenants = tenants;
		}

		public String getSchemaPrefix() {
			return this.schemaPrefix;
		}

		public void setSchemaPrefix(String schemaPrefix) {
			this.schemaPrefix = schemaPrefix;
		}

		public List<String> getSharedPaths() {
			return this.sharedPaths;
		}

		public void setSharedPaths(List<String> sharedPaths) {
			this.sharedPaths = sharedPaths;
		}

	}

	public static class Routes {

		/**
		 * Path prefix that every Pow route, core and extensions, is mounted under, such as
		 * "/auth" for "/auth/session/new". Empty mounts them at the root. The development
		 * mailbox stays at /dev/mailbox. Read by every PowRoutes bean, an application's
		 * subclass included.
		 */
		private String prefix = "";

		/**
		 * Local path users land on after signing in or registering when no request_path
		 * names a page. In a realm, its prefix.
		 */
		private String home = "/";

		public String getHome() {
			return this.home;
		}

		public void setHome(String home) {
			this.home = home;
		}

		public String getPrefix() {
			return this.prefix;
		}

		public void setPrefix(String prefix) {
			this.prefix = prefix;
		}

	}

	public static class Registration {

		/**
		 * Whether people can sign up: with false, the sign-up form and its POST answer 404,
		 * Pow's pages link to neither, and accounts come only from invitations or the
		 * application itself. Editing and deleting the account keep working.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The store that keeps sessions.
	 */
	public static class Store {

		/**
		 * Where sessions and tokens are kept: memory (one node), jdbc (the application's
		 * database) or redis.
		 */
		private PowStoreType type = PowStoreType.MEMORY;

		/**
		 * How often expired entries are removed from the memory and jdbc stores.
		 */
		private Duration sweepInterval = Duration.ofMinutes(1);

		/**
		 * Most expired rows the jdbc store removes in one statement.
		 */
		private int sweepBatchSize = 1000;

		/**
		 * Prefix of every key the redis store writes, to share a Redis database with
		 * other data.
		 */
		private String redisKeyPrefix = "pow:";

		private final NearCache nearCache = new NearCache();

		public String getRedisKeyPrefix() {
			return this.redisKeyPrefix;
		}

		public void setRedisKeyPrefix(String redisKeyPrefix) {
			this.redisKeyPrefix = redisKeyPrefix;
		}

		public PowStoreType getType() {
			return this.type;
		}

		public void setType(PowStoreType type) {
			this.type = type;
		}

		public int getSweepBatchSize() {
			return this.sweepBatchSize;
		}

		public void setSweepBatchSize(int sweepBatchSize) {
			this.sweepBatchSize = sweepBatchSize;
		}

		public Duration getSweepInterval() {
			return this.sweepInterval;
		}

		public void setSweepInterval(Duration sweepInterval) {
			this.sweepInterval = sweepInterval;
		}

		public NearCache getNearCache() {
			return this.nearCache;
		}

	}

	/**
	 * A near cache on each node in front of the jdbc or redis store.
	 */
	public static class NearCache {

		/**
		 * Whether each node keeps the sessions and user copies it read lately in memory,
		 * dropped on every node when any node changes them (PostgreSQL LISTEN/NOTIFY for
		 * the jdbc store, Redis pub/sub for the redis store). Has no effect on the memory
		 * store.
		 */
		private boolean enabled;

		/**
		 * Longest a cached entry is trusted, however quiet the invalidation channel: the
		 * bound on how long a lost message can leave a change unseen.
		 */
		private Duration maxStaleness = Duration.ofSeconds(1);

		/**
		 * Most entries one node keeps.
		 */
		private long maxEntries = 100_000;

		/**
		 * Most memory one node's entries take, as estimated from their size.
		 */
		private DataSize maxSize = DataSize.ofMegabytes(64);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getMaxStaleness() {
			return this.maxStaleness;
		}

		public void setMaxStaleness(Duration maxStaleness) {
			this.maxStaleness = maxStaleness;
		}

		public long getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(long maxEntries) {
			this.maxEntries = maxEntries;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

	/**
	 * The audit trail of auth events.
	 */
	public static class Audit {

		/**
		 * Whether auth events are kept in the pow_audit_events table (made by Pow's
		 * migrations), shown as recent activity on the devices page and in the admin
		 * console.
		 */
		private boolean enabled = false;

		/**
		 * How long events are kept before they are pruned.
		 */
		private Duration retention = Duration.ofDays(90);

		/**
		 * How often events older than the retention are pruned.
		 */
		private Duration pruneInterval = Duration.ofHours(1);

		/**
		 * Most events one pruning statement deletes.
		 */
		private int pruneBatchSize = 1000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

		public Duration getPruneInterval() {
			return this.pruneInterval;
		}

		public void setPruneInterval(Duration pruneInterval) {
			this.pruneInterval = pruneInterval;
		}

		public int getPruneBatchSize() {
			return this.pruneBatchSize;
		}

		public void setPruneBatchSize(int pruneBatchSize) {
			this.pruneBatchSize = pruneBatchSize;
		}

	}

	/**
	 * Mails that tell users of security-relevant changes to their account.
	 */
	public static class Notifications {

		/**
		 * Whether to mail users when they sign in from a browser that has not signed in
		 * to their account before (one without the account's device cookie).
		 */
		private boolean newDevice = false;

		/**
		 * Whether to mail users when their password was changed or reset.
		 */
		private boolean passwordChanged = false;

		public boolean isNewDevice() {
			return this.newDevice;
		}

		public void setNewDevice(boolean newDevice) {
			this.newDevice = newDevice;
		}

		public boolean isPasswordChanged() {
			return this.passwordChanged;
		}

		public void setPasswordChanged(boolean passwordChanged) {
			this.passwordChanged = passwordChanged;
		}

	}

	/**
	 * The devices page, where users see and end their sessions.
	 */
	public static class Devices {

		/**
		 * Whether the devices page (/registration/sessions) is served.
		 */
		private boolean enabled = true;

		/**
		 * How many recent security events the devices page shows, when the audit trail is
		 * on.
		 */
		private int recentActivity = 20;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getRecentActivity() {
			return this.recentActivity;
		}

		public void setRecentActivity(int recentActivity) {
			this.recentActivity = recentActivity;
		}

	}

	/**
	 * Password rules and hashing.
	 */
	public static class Password {

		/**
		 * Minimum number of characters in a password.
		 */
		private int minLength = 8;

		/**
		 * Maximum number of characters in a password.
		 */
		private int maxLength = 4096;

		/**
		 * Algorithm new password hashes are made with. Stored hashes of the other
		 * algorithms still verify and are re-hashed at the next sign-in.
		 */
		private PasswordAlgorithm algorithm = PasswordAlgorithm.PBKDF2_SHA512;

		/**
		 * Number of PBKDF2-SHA512 iterations. Lowering it weakens every new hash.
		 */
		private int pbkdf2Iterations = 210_000;

		/**
		 * Log2 of the number of bcrypt rounds, from 4 to 31.
		 */
		private int bcryptStrength = 12;

		/**
		 * Whether a new password that contains the user's own id, a part of the email
		 * address or one of the context words (each of 4 characters or more) is refused.
		 */
		private boolean contextCheck = true;

		/**
		 * Whether a new password among the 10,000 most common ones is refused.
		 */
		private boolean commonCheck = true;

		/**
		 * Words of the application's own, such as its name, that new passwords must not
		 * contain when the context check is on.
		 */
		private List<String> contextWords = new ArrayList<>();

		public boolean isCommonCheck() {
			return this.commonCheck;
		}

		public void setCommonCheck(boolean commonCheck) {
			this.commonCheck = commonCheck;
		}

		public boolean isContextCheck() {
			return this.contextCheck;
		}

		public void setContextCheck(boolean contextCheck) {
			this.contextCheck = contextCheck;
		}

		public List<String> getContextWords() {
			return this.contextWords;
		}

		public void setContextWords(List<String> contextWords) {
			this.contextWords = contextWords;
		}

		private final BreachCheck breachCheck = new BreachCheck();

		public BreachCheck getBreachCheck() {
			return this.breachCheck;
		}

		public int getMinLength() {
			return this.minLength;
		}

		public void setMinLength(int minLength) {
			this.minLength = minLength;
		}

		public int getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(int maxLength) {
			this.maxLength = maxLength;
		}

		public PasswordAlgorithm getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(PasswordAlgorithm algorithm) {
			this.algorithm = algorithm;
		}

		public int getPbkdf2Iterations() {
			return this.pbkdf2Iterations;
		}

		public void setPbkdf2Iterations(int pbkdf2Iterations) {
			this.pbkdf2Iterations = pbkdf2Iterations;
		}

		public int getBcryptStrength() {
			return this.bcryptStrength;
		}

		public void setBcryptStrength(int bcryptStrength) {
			this.bcryptStrength = bcryptStrength;
		}

	}

	/**
	 * The check of new passwords against public breach corpora, through the k-anonymity
	 * range API: only the first five hexadecimal characters of the password's SHA-1 are
	 * sent.
	 */
	public static class BreachCheck {

		/**
		 * Whether new passwords found in breach corpora are refused. When the service does
		 * not answer in time, the password is accepted and a warning is logged.
		 */
		private boolean enabled;

		/**
		 * Range API the five-character hash prefix is appended to.
		 */
		private String url = "https://api.pwnedpasswords.com/range/";

		/**
		 * How long to wait for the range API before accepting the password unchecked.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
