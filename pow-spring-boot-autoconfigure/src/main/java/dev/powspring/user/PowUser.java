package dev.powspring.user;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns Pow needs on the {@code users} table. An application's user entity extends
 * this class and adds its own columns; without one, Pow maps a default entity.
 * <p>
 * The user id is mapped to the {@code email} column. An application that signs users in
 * by user name ({@code pow.user-id-field=username}) maps it with
 * {@code @AttributeOverride(name = "userId", column = @Column(name = "username"))}.
 */
@MappedSuperclass
public abstract class PowUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "email", nullable = false)
	private String userId;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "inserted_at", nullable = false, updatable = false)
	private Instant insertedAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "locked_at")
	private Instant lockedAt;

	@Column(name = "locked_reason")
	private String lockedReason;

	@Column(name = "roles", nullable = false, length = 1024)
	@Convert(converter = UserRoles.Column.class)
	private Set<String> roles = new TreeSet<>();

	public Long getId() {
		return this.id;
	}

	/**
	 * Return the value users sign in with, already trimmed and lower-cased.
	 * @return the user id
	 */
	public String getUserId() {
		return this.userId;
	}

	public void setUserId(String userId) {
		this.userId = userId;
	}

	/**
	 * Return the user's email address. Users sign in by email by default, so this is the
	 * user id; {@link PowUsernameUser}, for users who sign in by user name, returns its own
	 * email column instead.
	 * @return the address, trimmed and lower-cased
	 */
	public String getEmail() {
		return this.userId;
	}

	/**
	 * Return the stored password hash, or {@code null} for a user who has no password
	 * (for example an invited user who has not accepted yet).
	 * @return the hash or {@code null}
	 */
	public String getPasswordHash() {
		return this.passwordHash;
	}

	public void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public Instant getInsertedAt() {
		return this.insertedAt;
	}

	public void setInsertedAt(Instant insertedAt) {
		this.insertedAt = insertedAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

	/**
	 * Return when the account was locked.
	 * @return the time, or {@code null} when it is not locked
	 */
	public Instant getLockedAt() {
		return this.lockedAt;
	}

	public void setLockedAt(Instant lockedAt) {
		this.lockedAt = lockedAt;
	}

	/**
	 * Return why the account was locked, as whoever locked it said.
	 * @return the reason, or {@code null}
	 */
	public String getLockedReason() {
		return this.lockedReason;
	}

	public void setLockedReason(String lockedReason) {
		this.lockedReason = lockedReason;
	}

	/**
	 * Tell whether the account is locked: it cannot sign in, and has no session or token.
	 * @return {@code true} when locked
	 */
	public boolean isLocked() {
		return this.lockedAt != null;
	}

	/**
	 * Return the user's roles, such as {@code admin}.
	 * @return the roles, sorted and unmodifiable
	 */
	public Set<String> getRoles() {
		return (this.roles != null) ? Collections.unmodifiableSet(this.roles) : Set.of();
	}

	/**
	 * Replace the user's roles. Pow's users service sets them; an application changes them
	 * through {@link PowUsersService#setRoles}, so that every session sees the change.
	 * @param roles the roles
	 * @throws IllegalArgumentException for a name that cannot be a role
	 */
	public void setRoles(Set<String> roles) {
		this.roles = new TreeSet<>(UserRoles.of(roles));
	}

	/**
	 * Tell whether the user has a role.
	 * @param role the role
	 * @return {@code true} when the user has it
	 */
	public boolean hasRole(String role) {
		return this.roles != null && this.roles.contains(role);
	}

	@Override
	public String toString() {
		// Never the hash: users end up in logs.
		return getClass().getSimpleName() + "[id=" + this.id + ", userId=" + this.userId + "]";
	}

}
