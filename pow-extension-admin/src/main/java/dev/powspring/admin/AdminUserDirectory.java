package dev.powspring.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.powspring.session.PowSessionManager;
import dev.powspring.tenant.PowTenantContext;
import dev.powspring.user.EmailConfirmationOperations;
import dev.powspring.user.TwoFactorOperations;
import dev.powspring.user.UserIds;
import dev.powspring.user.UserRoles;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds users for the console, straight from Pow's {@code users} table, a page at a time.
 * Pages are found by key: each starts where the last one ended, through the index on
 * creation time and primary key, so the thousandth page costs what the first does. The
 * search is a prefix match on the user id (and on the email column when users sign in by
 * user name), which the indexes of the module's migration serve (built with
 * {@code varchar_pattern_ops} on PostgreSQL, so under any collation).
 */
public class AdminUserDirectory {

	private final JdbcClient jdbc;

	private final String columns;

	private final List<String> searchedColumns;

	private final int pageSize;

	private boolean tenantScoped;

	private PowSessionManager sessions;

	private EmailConfirmationOperations confirmations;

	private TwoFactorOperations twoFactor;

	/**
	 * Create an instance.
	 * @param jdbc the database
	 * @param userIdColumn the column users sign in with ({@code email} or {@code username})
	 * @param separateEmailColumn whether users also have an {@code email} column of its own
	 * @param pageSize how many users a page holds
	 */
	public AdminUserDirectory(JdbcClient jdbc, String userIdColumn, boolean separateEmailColumn, int pageSize) {
		if (pageSize < 1) {
			throw new IllegalArgumentException("pow.admin.console.page-size must be at least 1, not " + pageSize);
		}
		this.jdbc = jdbc;
		this.columns = "id, " + userIdColumn + " AS user_id, " + (separateEmailColumn ? "email" : "NULL AS email")
				+ ", inserted_at, locked_at, locked_reason, roles";
		this.searchedColumns = separateEmailColumn ? List.of(userIdColumn, "email") : List.of(userIdColumn);
		this.pageSize = pageSize;
	}

	/**
	 * Show how many live sessions each user has.
	 * @param sessions the session manager, or {@code null} to show none
	 */
	public void setSessions(PowSessionManager sessions) {
		this.sessions = sessions;
	}

	/**
	 * Show whether and when users confirmed their address.
	 * @param confirmations the email confirmation extension's operations, or {@code null}
	 * when it is off
	 */
	public void setConfirmations(EmailConfirmationOperations confirmations) {
		this.confirmations = confirmations;
	}

	/**
	 * Show whether users have two-factor sign-in on.
	 * @param twoFactor the two-factor extension's operations, or {@code null}
	 */
	public void setTwoFactor(TwoFactorOperations twoFactor) {
		this.twoFactor = twoFactor;
	}

	/**
	 * Keep the console within the current tenant, when users of every tenant share the
	 * users table ({@code pow.tenancy.mode=column}).
	 * @param tenantScoped whether users have a tenant column
	 */
	public void setTenantScoped(boolean tenantScoped) {
		this.tenantScoped = tenantScoped;
	}

	static String currentTenant() {
		// Outside any tenant no row matches: the console shows nobody rather than everybody.
		return PowTenantContext.current().orElse("");
	}

	/**
	 * Find a page of users.
	 * @param query what to find
	 * @return the page
	 */
	public AdminUserPage find(AdminUserQuery query) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		String search = UserIds.normalize(query.search());
		if (search != null && !search.isEmpty()) {
			conditions.add("(" + String.join(" OR ", this.searchedColumns.stream()
				.map((column) -> column + " LIKE :prefix ESCAPE '\\'")
				.toList()) + ")");
			params.put("prefix", escapeLike(search) + "%");
		}
		if (this.tenantScoped) {
			conditions.add("tenant_id = :tenant");
			params.put("tenant", currentTenant());
		}
		if (query.after() != null) {
			conditions.add("(inserted_at, id) " + (query.oldestFirst() ? ">" : "<") + " (:afterInsertedAt, :afterId)");
			params.put("afterInsertedAt", utc(query.after().insertedAt()));
			params.put("afterId", query.after().id());
		}
		String direction = query.oldestFirst() ? "ASC" : "DESC";
		String sql = "SELECT " + this.columns + " FROM users"
				+ (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
				+ " ORDER BY inserted_at " + direction + ", id " + direction + " LIMIT " + (this.pageSize + 1);
		List<Row> rows = this.jdbc.sql(sql).params(params).query(AdminUserDirectory::row).list();
		AdminUserQuery.Cursor next = null;
		if (rows.size() > this.pageSize) {
			rows = rows.subList(0, this.pageSize);
			Row last = rows.get(rows.size() - 1);
			next = new AdminUserQuery.Cursor(last.insertedAt(), last.id());
		}
		return new AdminUserPage(complete(rows), next);
	}

	/**
	 * Find one user.
	 * @param id the user's primary key
	 * @return the user, or empty
	 */
	public Optional<AdminUser> get(Long id) {
		return this.jdbc.sql("SELECT " + this.columns + " FROM users WHERE id = :id"
				+ (this.tenantScoped ? " AND tenant_id = :tenant" : ""))
			.param("id", id)
			.params(this.tenantScoped ? Map.of("tenant", currentTenant()) : Map.of())
			.query(AdminUserDirectory::row)
			.optional()
			.map((row) -> complete(List.of(row)).get(0));
	}

	private List<AdminUser> complete(List<Row> rows) {
		Map<Long, Instant> confirmed = (this.confirmations != null)
				? this.confirmations.confirmedAt(rows.stream().map(Row::id).toList()) : Map.of();
		Set<Long> twoFactorOn = (this.twoFactor != null)
				? this.twoFactor.enabledAmong(rows.stream().map(Row::id).toList()) : Set.of();
		return rows.stream().map((row) -> {
			AdminUser.Confirmation confirmation = (this.confirmations != null)
					? new AdminUser.Confirmation(true, confirmed.get(row.id())) : AdminUser.Confirmation.UNTRACKED;
			OptionalInt live = (this.sessions != null) ? this.sessions.countLive(row.id()) : OptionalInt.empty();
			return new AdminUser(row.id(), row.userId(), row.email(), row.insertedAt(), confirmation, row.lockedAt(),
					row.lockedReason(), UserRoles.parse(row.roles()),
					live.isPresent() ? live.getAsInt() : null,
					(this.twoFactor != null) ? twoFactorOn.contains(row.id()) : null);
		}).toList();
	}

	private static Row row(ResultSet resultSet, int number) throws SQLException {
		OffsetDateTime lockedAt = resultSet.getObject("locked_at", OffsetDateTime.class);
		return new Row(resultSet.getLong("id"), resultSet.getString("user_id"), resultSet.getString("email"),
				resultSet.getObject("inserted_at", OffsetDateTime.class).toInstant(),
				(lockedAt != null) ? lockedAt.toInstant() : null, resultSet.getString("locked_reason"),
				resultSet.getString("roles"));
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Row(Long id, String userId, String email, Instant insertedAt, Instant lockedAt,
			String lockedReason, String roles) {

	}

}
