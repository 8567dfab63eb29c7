package dev.powspring.emailconfirmation.existing;

import dev.powspring.user.PowUser;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application with a user entity of its own that maps none of email confirmation's
 * columns.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ExistingApplication {

	@Entity
	@Table(name = "users")
	public static class Account extends PowUser {

	}

}
