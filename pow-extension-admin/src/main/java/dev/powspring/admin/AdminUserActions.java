package dev.powspring.admin;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.session.PowSessionManager;
import dev.powspring.user.EmailConfirmationOperations;
import dev.powspring.user.TwoFactorOperations;
import dev.powspring.user.JpaPowUsersService;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserRoles;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an admin can do to a user, with the rules that keep the application manageable: no
 * admin locks, demotes or deletes themselves, and the last admin who can sign in is never
 * demoted, locked or deleted. Each action runs in one transaction that first locks the rows
 * of the admin and of the user, so two admins acting on each other at the same moment are
 * taken one after the other and cannot leave the application without an admin. Each action
 * that changed something publishes an {@link AdminActionEvent} and one {@link PowAuthEvent}
 * about the user, with the admin as its actor: {@code user_locked} (with the
 * {@code reason} given), {@code user_unlocked}, {@code roles_changed} ({@code granted} or
 * {@code revoked}), {@code sessions_ended} ({@code scope} {@code all}),
 * {@code two_factor_disabled}, {@code account_deleted}, or {@code admin_action} for a
 * confirmation link ({@code action} {@code send_confirmation}).
 */
public class AdminUserActions {

	/** The role that may use the console, and that the rules protect. */
	public static final String ADMIN_ROLE = JpaPowUsersService.ADMIN_ROLE;

	/** The longest reason a lock can be given (the column's size). */
	public static final int MAX_REASON_LENGTH = 255;

	// The rows of the admin acting and of the user acted on, locked in key order for the
	// rest of the transaction, so that concurrent actions never wait on each other in a cycle.
	private static final String LOCK_ROWS = "SELECT id, roles, locked_at FROM users WHERE id IN (:ids) "
			+ "ORDER BY id FOR UPDATE";

	// The other admins who can sign in, counted only when an action would remove an admin.
	private static final String OTHER_ADMINS = "SELECT COUNT(*) FROM users WHERE id <> :id AND locked_at IS NULL "
			+ "AND (',' || roles || ',') LIKE '%," + ADMIN_ROLE + ",%'";

	private static final String TENANT_CONDITION = " AND tenant_id = :tenant";

	private final PowUsersService users;

	private boolean tenantScoped;

	private final PowSessionManager sessions;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private EmailConfirmationOperations confirmations;

	private TwoFactorOperations twoFactor;

	private PowAuthEvents authEvents;

	/**
	 * Create an instance.
	 * @param users the users service
	 * @param sessions ends sessions
	 * @param jdbc the database of the users table, for locking the admins' rows
	 * @param transactionManager the transaction manager the users service writes with
	 * @param events publishes what admins did
	 * @param clock the time of each action
	 */
	public AdminUserActions(PowUsersService users, PowSessionManager sessions, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Let admins mail confirmation links again.
	 * @param confirmations the email confirmation extension's operations, or {@code null}
	 * when it is off
	 */
	public void setConfirmations(EmailConfirmationOperations confirmations) {
		this.confirmations = confirmations;
	}

	/**
	 * Let admins turn two-factor sign-in off for a user.
	 * @param twoFactor the two-factor extension's operations, or {@code null}
	 */
	public void setTwoFactor(TwoFactorOperations twoFactor) {
		this.twoFactor = twoFactor;
	}

	/**
	 * Publish each action as an auth event too.
	 * @param authEvents the publisher
	 */
	public void setAuthEvents(PowAuthEvents authEvents) {
		this.authEvents = authEvents;
	}

	/**
	 * Lock the account: it cannot sign in, and every session and token it has ends. Locking
	 * a locked account replaces the reason.
	 * @param admin the admin acting
	 * @param userId the user's primary key
	 * @param reason why, for other admins, or blank
	 * @return the outcome
	 */
	public Outcome lock(PowUser admin, Long userId, String reason) {
		String trimmed = (reason != null) ? reason.strip() : "";
		if (trimmed.length() > MAX_REASON_LENGTH) {
			return Outcome.REASON_TOO_LONG;
		}
		String stored = trimmed.isEmpty() ? null : trimmed;
		return act(admin, userId, AdminAction.LOCK, stored, true, this::isAdmin, (user) -> {
			this.users.lock(user, stored);
			return Outcome.DONE;
		});
	}

	/**
	 * Unlock the account: it can sign in again.
	 * @param admin the admin acting
	 * @param userId the user's primary key
	 * @return the outcome
	 */
	public Outcome unlock(PowUser admin, Long userId) {
		return act(admin, userId, AdminAction.UNLOCK, null, false, (user) -> false, (user) -> {
			if (!user.isLocked()) {
				return Outcome.UNCHANGED;
			}
			this.users.unlock(user);
			return Outcome.DONE;
		});
	}

	/**
	 * Grant a role; every session of the user has it at once.
	 * @param admin the admin acting
	 * @param userId the user's primary key
	 * @param role the role
	 * @return the outcome
	 */
	public Outcome grantRole(PowUser admin, Long userId, String role) {
		if (!UserRoles.isValid(role)) {
			return Outcome.INVALID_ROLE;
		}
		return act(admin, userId, AdminAction.GRANT_ROLE, role, false, (user) -> false,
				(user) -> changeRoles(user, (roles) -> roles.add(role)));
	}

	/**
	 * Revoke a role; every session of the user loses it at once.
	 * @param admin the admin acting
	 * @param userId the user's primary key
	 * @param role the role
	 * @return the outcome
	 */
	public Outcome revokeRole(PowUser admin, Long userId, String role) {
		if (!UserRoles.isValid(role)) {
			return Outcome.INVALID_ROLE;
		}
		boolean demotes = ADMIN_ROLE.equals(role);
		return act(admin, userId, AdminAction.REVOKE_ROLE, role, demotes, (user) -> demotes && isAdmin(user),
				(user) -> changeRoles(user, (roles) -> roles.remove(role)));
	}

	/**
	 * End every session of the user on every device, with their remember-me and API tokens.
	 * @param admin the admin acting
	 * @param userId the user's primary key
	 * @return the outcome
	 */
	public Outcome endSessions(PowUser admin, Long userId) {
		return act(admin, userId, AdminAction.END_SESSIONS, null, false, (user) -> false, (user) -> {
			this.sessions.deleteAll(user.getId());
			return Outcome.DONE;
		});
	}

	/**
	 * Mail the user a new confirmation link, when their address waits for confirmation.
	 * @param admin the admin acting
	 * @param userId the user's primary key
	 * @param request the request, for the link's host and the mail's locale
	 * @return the outcome: {@link Outcome#UNCHANGED} when there is nothing to confirm
	 */
	public Outcome sendConfirmationLink(PowUser admin, Long userId, HttpServletRequest request) {
		return act(admin, userId, AdminAction.SEND_CONFIRMATION, null, false, (user) -> false, (user) -> {
			boolean sent = this.confirmations != null && this.confirmations.sendConfirmationLink(request, user);
			return sent ? Outcome.DONE : Outcome.UNCHANGED;
		});
	}

	/**
	 * Turn two-factor sign-in off for a user who lost every device; the user signs in with
	 * the password alone until setting it up again.
	 * @param admin the admin acting
	 * @param userId the user's primary key
	 * @param request the request, for the event the extension publishes
	 * @return the outcome: {@link Outcome#UNCHANGED} when it was off
	 */
	public Outcome disableTwoFactor(PowUser admin, Long userId, HttpServletRequest request) {
		return act(admin, userId, AdminAction.DISABLE_TWO_FACTOR, null, false, (user) -> false, (user) -> {
			boolean disabled = this.twoFactor != null && this.twoFactor.disable(user, request);
			return disabled ? Outcome.DONE : Outcome.UNCHANGED;
		});
	}

	/**
	 * Delete the account, after ending its sessions and tokens.
	 * @param admin the admin acting
	 * @param userId the user's primary key
	 * @return the outcome
	 */
	public Outcome delete(PowUser admin, Long userId) {
		return act(admin, userId, AdminAction.DELETE, null, true, this::isAdmin, (user) -> {
			this.sessions.deleteAll(user.getId());
			this.users.delete(user);
			return Outcome.DONE;
		});
	}

	private Outcome changeRoles(PowUser user, Predicate<Set<String>> change) {
		Set<String> roles = new TreeSet<>(user.getRoles());
		if (!change.test(roles)) {
			return Outcome.UNCHANGED;
		}
		this.users.setRoles(user, roles);
		return Outcome.DONE;
	}

	/**
	 * Run an action in one transaction, after the checks: the user exists; an action an
	 * admin may not do to themselves is not; an action that removes an admin leaves another
	 * who can sign in; and the one acting is still an admin who can sign in. Both users'
	 * rows are locked first, so what the checks see holds until the change commits: an
	 * admin whose own row is locked cannot be demoted meanwhile, and stays an admin after
	 * the action.
	 */
	private Outcome act(PowUser admin, Long userId, AdminAction action, String detail, boolean notOnSelf,
			Predicate<PowUser> removesAdmin, Function<PowUser, Outcome> change) {
		AdminActionEvent.Account[] subject = new AdminActionEvent.Account[1];
		Outcome outcome = this.transactions.execute((status) -> {
			Map<Long, Boolean> canSignInAsAdmin = new HashMap<>();
			this.jdbc.sql(this.tenantScoped ? LOCK_ROWS.replace(" ORDER BY", TENANT_CONDITION + " ORDER BY") : LOCK_ROWS)
				.param("ids", (userId != null) ? List.of(admin.getId(), userId) : List.of(admin.getId()))
				.params(tenantParams())
				.query((row) -> {
					canSignInAsAdmin.put(row.getLong("id"), row.getObject("locked_at") == null
							&& UserRoles.parse(row.getString("roles")).contains(ADMIN_ROLE));
				});
			PowUser user = canSignInAsAdmin.containsKey(userId) ? this.users.getById(userId).orElse(null) : null;
			if (user == null) {
				return Outcome.NOT_FOUND;
			}
			if (notOnSelf && user.getId().equals(admin.getId())) {
				return Outcome.SELF;
			}
			if (removesAdmin.test(user) && otherAdmins(user.getId()) == 0) {
				return Outcome.LAST_ADMIN;
			}
			if (!canSignInAsAdmin.getOrDefault(admin.getId(), false)) {
				return Outcome.NOT_ADMIN;
			}
			subject[0] = new AdminActionEvent.Account(user.getId(), user.getUserId());
			return change.apply(user);
		});
		if (outcome == Outcome.DONE) {
			this.events.publishEvent(new AdminActionEvent(this, new AdminActionEvent.Account(admin.getId(),
					admin.getUserId()), subject[0], action, detail, this.clock.instant()));
			publishAuthEvent(admin, subject[0].id(), action, detail);
		}
		return outcome;
	}

	// The one auth event of an action. Two-factor sign-in turned off is published here, not
	// by the two-factor extension, as only the console knows which admin did it.
	private void publishAuthEvent(PowUser admin, Long userId, AdminAction action, String detail) {
		if (this.authEvents == null) {
			return;
		}
		PowAuthEvents.Draft event = switch (action) {
			case LOCK -> this.authEvents.of(PowAuthEventType.USER_LOCKED, userId).detail(PowAuthEvent.REASON, detail);
			case UNLOCK -> this.authEvents.of(PowAuthEventType.USER_UNLOCKED, userId);
			case GRANT_ROLE -> this.authEvents.of(PowAuthEventType.ROLES_CHANGED, userId).detail("granted", detail);
			case REVOKE_ROLE -> this.authEvents.of(PowAuthEventType.ROLES_CHANGED, userId).detail("revoked", detail);
			case END_SESSIONS -> this.authEvents.of(PowAuthEventType.SESSIONS_ENDED, userId).detail("scope", "all");
			case SEND_CONFIRMATION -> this.authEvents.of(PowAuthEventType.ADMIN_ACTION, userId)
				.detail("action", "send_confirmation");
			case DISABLE_TWO_FACTOR -> this.authEvents.of(PowAuthEventType.TWO_FACTOR_DISABLED, userId);
			case DELETE -> this.authEvents.of(PowAuthEventType.ACCOUNT_DELETED, userId);
		};
		event.actor(admin.getId()).publish();
	}

	private long otherAdmins(Long userId) {
		return this.jdbc.sql(this.tenantScoped ? OTHER_ADMINS + TENANT_CONDITION : OTHER_ADMINS)
			.param("id", userId)
			.params(tenantParams())
			.query(Long.class)
			.single();
	}

	private Map<String, Object> tenantParams() {
		return this.tenantScoped ? Map.of("tenant", AdminUserDirectory.currentTenant()) : Map.of();
	}

	/**
	 * Act within the current tenant only, when users of every tenant share the users
	 * table ({@code pow.tenancy.mode=column}).
	 * @param tenantScoped whether users have a tenant column
	 */
	public void setTenantScoped(boolean tenantScoped) {
		this.tenantScoped = tenantScoped;
	}

	private boolean isAdmin(PowUser user) {
		return user.hasRole(ADMIN_ROLE) && !user.isLocked();
	}

	/**
	 * How an action ended.
	 */
	public enum Outcome {

		/** Done. */
		DONE,

		/** Nothing to do: the user already was as asked, or has nothing to confirm. */
		UNCHANGED,

		/** No such user. */
		NOT_FOUND,

		/** Refused: an admin cannot do this to themselves. */
		SELF,

		/** Refused: the user is the last admin who can sign in. */
		LAST_ADMIN,

		/** Refused: the one acting is no longer an admin who can sign in. */
		NOT_ADMIN,

		/** Refused: not a role name. */
		INVALID_ROLE,

		/** Refused: the lock reason is longer than {@value AdminUserActions#MAX_REASON_LENGTH} characters. */
		REASON_TOO_LONG

	}

}
