package dev.powspring.testing.slice;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserIds;
import dev.powspring.user.UserLockedEvent;
import dev.powspring.user.UserParams;
import dev.powspring.user.UserResult;
import dev.powspring.user.UserRolesChangedEvent;
import dev.powspring.user.ValidationCodes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * The users of a {@code @WebMvcTest} slice, which has no database: instances of the
 * application's user entity, kept in a map. It checks what a slice test needs (a user id
 * that is given and free, a password that matches its confirmation); the application's
 * own validation runs in full-context tests.
 */
public class InMemoryPowUsersService implements PowUsersService {

	private final Map<Long, PowUser> users = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final Supplier<PowUser> newUser;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final Set<String> defaultRoles;

	private final ApplicationEventPublisher events;

	/**
	 * Create an instance.
	 * @param newUser makes an empty instance of the application's user entity
	 * @param passwordEncoder hashes and checks passwords
	 * @param clock stamps users
	 * @param defaultRoles the roles new users get
	 * @param events publishes role changes and locks, which sessions follow
	 */
	public InMemoryPowUsersService(Supplier<PowUser> newUser, PasswordEncoder passwordEncoder, Clock clock,
			Collection<String> defaultRoles, ApplicationEventPublisher events) {
		this.newUser = newUser;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.defaultRoles = Set.copyOf(defaultRoles);
		this.events = events;
	}

	@Override
	public Optional<PowUser> authenticate(String userId, String password) {
		return getByUserId(userId).filter((user) -> user.getPasswordHash() != null && password != null
				&& this.passwordEncoder.matches(password, user.getPasswordHash()));
	}

	@Override
	public UserResult create(UserParams params) {
		BindingResult errors = new BeanPropertyBindingResult(params, "user");
		if (!StringUtils.hasText(params.getPassword())) {
			errors.rejectValue("password", ValidationCodes.BLANK);
		}
		else if (!params.getPassword().equals(params.getPasswordConfirmation())) {
			errors.rejectValue("passwordConfirmation", ValidationCodes.CONFIRMATION);
		}
		return store(params, errors, params.getPassword());
	}

	@Override
	public UserResult createWithoutPassword(UserParams params) {
		return store(params, new BeanPropertyBindingResult(params, "user"), null);
	}

	private synchronized UserResult store(UserParams params, BindingResult errors, String password) {
		String userId = UserIds.normalize(params.getUserId());
		if (!StringUtils.hasText(userId)) {
			errors.rejectValue("userId", ValidationCodes.BLANK);
		}
		else if (getByUserId(userId).isPresent()) {
			errors.rejectValue("userId", ValidationCodes.TAKEN);
		}
		if (errors.hasErrors()) {
			return new UserResult(null, errors);
		}
		PowUser user = this.newUser.get();
		ReflectionTestUtils.setField(user, "id", this.ids.incrementAndGet());
		user.setUserId(userId);
		user.setPasswordHash((password != null) ? this.passwordEncoder.encode(password) : null);
		user.setRoles(this.defaultRoles);
		user.setInsertedAt(this.clock.instant());
		user.setUpdatedAt(this.clock.instant());
		this.users.put(user.getId(), user);
		return new UserResult(user, errors);
	}

	@Override
	public UserResult update(PowUser user, UserParams params) {
		BindingResult errors = new BeanPropertyBindingResult(params, "user");
		if (user.getPasswordHash() != null && (params.getCurrentPassword() == null
				|| !this.passwordEncoder.matches(params.getCurrentPassword(), user.getPasswordHash()))) {
			errors.rejectValue("currentPassword", ValidationCodes.INVALID);
			return new UserResult(null, errors);
		}
		if (StringUtils.hasText(params.getUserId())) {
			user.setUserId(UserIds.normalize(params.getUserId()));
		}
		if (StringUtils.hasText(params.getPassword())) {
			user.setPasswordHash(this.passwordEncoder.encode(params.getPassword()));
		}
		user.setUpdatedAt(this.clock.instant());
		return new UserResult(user, errors);
	}

	@Override
	public UserResult resetPassword(PowUser user, UserParams params) {
		user.setPasswordHash(this.passwordEncoder.encode(params.getPassword()));
		return new UserResult(user, new BeanPropertyBindingResult(params, "user"));
	}

	@Override
	public void delete(PowUser user) {
		this.users.remove(user.getId());
	}

	@Override
	public Optional<PowUser> getByUserId(String userId) {
		String normalized = UserIds.normalize(userId);
		return this.users.values().stream().filter((user) -> user.getUserId().equals(normalized)).findFirst();
	}

	@Override
	public Optional<PowUser> getById(Long id) {
		return Optional.ofNullable(this.users.get(id));
	}

	@Override
	public PowUser setRoles(PowUser user, Set<String> roles) {
		user.setRoles(roles);
		this.events.publishEvent(new UserRolesChangedEvent(this, user));
		return user;
	}

	@Override
	public PowUser lock(PowUser user, String reason) {
		user.setLockedAt(this.clock.instant());
		user.setLockedReason(reason);
		this.events.publishEvent(new UserLockedEvent(this, user));
		return user;
	}

	@Override
	public PowUser unlock(PowUser user) {
		user.setLockedAt(null);
		user.setLockedReason(null);
		return user;
	}

}
