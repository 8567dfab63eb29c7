package dev.powspring.user.defaults.tenant.email;

import dev.powspring.user.PowTenantUser;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The user entity Pow maps in {@code pow.tenancy.mode=column} when the application has
 * none of its own and users sign in by email.
 */
@Entity(name = "PowDefaultUser")
@Table(name = "users")
public class DefaultTenantEmailUser extends PowTenantUser {

}
