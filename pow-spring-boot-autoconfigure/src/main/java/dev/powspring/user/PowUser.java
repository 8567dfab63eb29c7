package dev.powspring.user;

import java.time.Instant;

import jakarta.persistence.Column;
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

	@Override
	public String toString() {
		// Never the hash: users end up in logs.
		return getClass().getSimpleName() + "[id=" + this.id + ", userId=" + this.userId + "]";
	}

}
