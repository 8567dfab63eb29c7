package dev.powspring.user.defaults.username;

import dev.powspring.user.PowUsernameUser;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The user entity Pow maps when the application has none of its own and users sign in by
 * user name; it has an optional email address.
 */
@Entity(name = "PowDefaultUser")
@Table(name = "users")
public class DefaultUsernameUser extends PowUsernameUser {

}
