package dev.powspring.testapp.realms;

import dev.powspring.user.PowUser;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The staff realm's own user entity; the application's members are Pow's default one.
 */
@Entity
@Table(name = "users")
public class StaffMember extends PowUser {

}
