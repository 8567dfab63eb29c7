package dev.powspring.user.defaults.tenant.username;

import dev.powspring.user.PowTenantUsernameUser;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The user entity Pow maps in {@code pow.tenancy.mode=column} when the application has
 * none of its own and users sign in by user name.
 */
@Entity(name = "PowDefaultUser")
@Table(name = "users")
public class DefaultTenantUsernameUser extends PowTenantUsernameUser {

}
