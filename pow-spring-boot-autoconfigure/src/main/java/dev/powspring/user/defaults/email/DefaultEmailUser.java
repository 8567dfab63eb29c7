package dev.powspring.user.defaults.email;

import dev.powspring.user.PowUser;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The user entity Pow maps when the application has none of its own and users sign in by
 * email.
 */
@Entity(name = "PowDefaultUser")
@Table(name = "users")
public class DefaultEmailUser extends PowUser {

}
