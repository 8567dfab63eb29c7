package dev.powspring.testing;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import dev.powspring.token.TokenSigner;
import dev.powspring.user.EmailVerifiedEvent;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import dev.powspring.user.UserResult;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Users for tests, made through the application's own {@link PowUsersService}, so they
 * are what registration would make: validated, with the default roles, and stored. A user
 * made here has a confirmed email address (when email confirmation is on) and a random
 * password nobody needs.
 */
public class PowTestUsers {

	private final PowUsersService users;

	private final ApplicationEventPublisher events;

	public PowTestUsers(PowUsersService users, ApplicationEventPublisher events) {
		this.users = users;
		this.events = events;
	}

	/**
	 * Return the user with this user id, creating them when there is none.
	 * @param userId the user id
	 * @param roles roles to add to a user created here
	 * @return the user
	 */
	public PowUser getOrCreate(String userId, String... roles) {
		return this.users.getByUserId(userId).orElseGet(() -> create(userId, roles));
	}

	/**
	 * Create a user, with a confirmed email address.
	 * @param userId the user id
	 * @param roles roles besides the default ones
	 * @return the stored user
	 * @throws IllegalArgumentException when the users service refuses the user id
	 */
	public PowUser create(String userId, String... roles) {
		String password = "Test-" + TokenSigner.randomToken();
		UserResult result = this.users.create(new UserParams(userId, password, password));
		if (!result.succeeded()) {
			throw new IllegalArgumentException("Cannot create a test user '" + userId + "': " + result.errors());
		}
		PowUser user = result.user();
		this.users.emailOf(user)
			.ifPresent((email) -> this.events.publishEvent(new EmailVerifiedEvent(this, user.getId(), email)));
		if (roles.length == 0) {
			return user;
		}
		Set<String> all = new TreeSet<>(user.getRoles());
		all.addAll(Arrays.asList(roles));
		return this.users.setRoles(user, all);
	}

}
