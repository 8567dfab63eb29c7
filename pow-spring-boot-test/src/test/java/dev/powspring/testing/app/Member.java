package dev.powspring.testing.app;

import dev.powspring.user.PowUser;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The application's user.
 */
@Entity
@Table(name = "users")
public class Member extends PowUser {

}
