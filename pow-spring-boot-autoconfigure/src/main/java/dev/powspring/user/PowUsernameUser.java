package dev.powspring.user;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns Pow needs when users sign in by user name ({@code pow.user-id-field=username})
 * and may still have an email address: the user id in the {@code username} column, and an
 * optional, unique {@code email} column. Password reset, email confirmation and invitations
 * reach users through that address. An application's user entity extends this class
 * instead of {@link PowUser}; Pow's registration and account forms then show an email field.
 */
@MappedSuperclass
@AttributeOverride(name = "userId", column = @Column(name = "username", nullable = false))
public abstract class PowUsernameUser extends PowUser {

	@Column(name = "email")
	private String email;

	/**
	 * Return the user's email address, already trimmed and lower-cased.
	 * @return the address, or {@code null} when the user has none
	 */
	@Override
	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

}
