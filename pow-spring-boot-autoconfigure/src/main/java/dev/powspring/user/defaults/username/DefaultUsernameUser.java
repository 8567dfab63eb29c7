package dev.powspring.user.defaults.username;

import dev.powspring.user.PowUser;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The user entity Pow maps when the application has none of its own and users sign in by
 * user name.
 */
@Entity(name = "PowDefaultUser")
@Table(name = "users")
@AttributeOverride(name = "userId", column = @Column(name = "username", nullable = false))
public class DefaultUsernameUser extends PowUser {

}
