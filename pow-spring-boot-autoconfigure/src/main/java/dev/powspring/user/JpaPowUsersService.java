package dev.powspring.user;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.BeanUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * The default {@link PowUsersService}, on JPA.
 */
public class JpaPowUsersService implements PowUsersService {

	private static final Log logger = LogFactory.getLog(JpaPowUsersService.class);

	/** The role of those who look after the application's users. */
	public static final String ADMIN_ROLE = "admin";

	private static final String UNIQUE_VIOLATION = "23505";

	private static final String EMAIL_INDEX = "users_email_index";

	private final EntityManager entityManager;

	private final TransactionTemplate transactionTemplate;

	private final Class<? extends PowUser> userClass;

	private final String findByUserIdQuery;

	private final String countByUserIdQuery;

	private final String userIdIndex;

	// Set when users sign in by user name and have an email column (PowUsernameUser).
	private final String findByEmailQuery;

	private final String countOthersByEmailQuery;

	private final UserIdField userIdField;

	private final PasswordEncoder passwordEncoder;

	private final UserValidator validator;

	private final Clock clock;

	private final int passwordMaxLength;

	private final UserFields userFields;

	private List<PowUserValidator> validators = List.of();

	private Set<String> defaultRoles = Set.of();

	private Set<String> initialAdmins = Set.of();

	private ApplicationEventPublisher eventPublisher;

	// Verified against when no user matches, so an unknown user costs one full hash check.
	private final String dummyPasswordHash;

	/**
	 * Create an instance.
	 * @param entityManagerFactory the JPA entity manager factory
	 * @param transactionManager the transaction manager for that factory
	 * @param userClass the user entity
	 * @param userIdField the field users sign in with
	 * @param passwordMinLength the minimum password length
	 * @param passwordMaxLength the maximum password length
	 * @param passwordEncoder the password encoder
	 * @param clock the clock for timestamps
	 */
	public JpaPowUsersService(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			Class<? extends PowUser> userClass, UserIdField userIdField, int passwordMinLength, int passwordMaxLength,
			PasswordEncoder passwordEncoder, Clock clock) {
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.transactionTemplate = new TransactionTemplate(transactionManager);
		this.userClass = userClass;
		String entityName = entityManagerFactory.getMetamodel().entity(userClass).getName();
		this.findByUserIdQuery = "select u from " + entityName + " u where u.userId = :userId";
		this.countByUserIdQuery = "select count(u) from " + entityName + " u where u.userId = :userId";
		this.userIdIndex = "users_" + userIdField.column() + "_index";
		boolean usernameWithEmail = userIdField == UserIdField.USERNAME
				&& PowUsernameUser.class.isAssignableFrom(userClass);
		this.findByEmailQuery = usernameWithEmail ? "select u from " + entityName + " u where u.email = :email" : null;
		this.countOthersByEmailQuery = usernameWithEmail
				? "select count(u) from " + entityName + " u where u.email = :email and u.id <> :id" : null;
		this.userIdField = userIdField;
		this.passwordEncoder = passwordEncoder;
		this.validator = new UserValidator(userIdField, passwordMinLength, passwordMaxLength, passwordEncoder);
		this.clock = clock;
		this.passwordMaxLength = passwordMaxLength;
		this.userFields = new UserFields(userClass);
		this.dummyPasswordHash = passwordEncoder.encode(UUID.randomUUID().toString());
	}

	/**
	 * Return the user entity this service stores.
	 * @return the entity class
	 */
	public Class<? extends PowUser> getUserClass() {
		return this.userClass;
	}

	/**
	 * Set the application's own rules, checked on registration, account updates and
	 * password resets, after Pow's.
	 * @param validators the rules, in order
	 */
	public void setValidators(List<PowUserValidator> validators) {
		this.validators = List.copyOf(validators);
	}

	/**
	 * Set whether users may register, and keep their account, without a password, because
	 * another way in exists ({@link PasswordlessSignIn}).
	 * @param passwordOptional whether a password may be left out
	 */
	public void setPasswordOptional(boolean passwordOptional) {
		this.validator.setPasswordOptional(passwordOptional);
	}

	@Override
	public boolean passwordOptional() {
		return this.validator.isPasswordOptional();
	}

	/**
	 * Set the roles every new user gets ({@code pow.roles.default}).
	 * @param roles the role names
	 */
	public void setDefaultRoles(Collection<String> roles) {
		this.defaultRoles = UserRoles.of(roles);
	}

	/**
	 * Set the user ids that get the {@value #ADMIN_ROLE} role when they register or sign
	 * in with their password ({@code pow.admin.initial-admins}).
	 * @param userIds the user ids
	 */
	public void setInitialAdmins(Collection<String> userIds) {
		this.initialAdmins = userIds.stream().map(UserIds::normalize).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Set the publisher of {@link UserRolesChangedEvent}s and {@link UserLockedEvent}s.
	 * @param eventPublisher the publisher
	 */
	public void setEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	/**
	 * Set the application's own user properties that registration and account edits may
	 * set, from {@link UserParams#getFields()}.
	 * @param names property names of the user entity
	 */
	public void setUserFields(Collection<String> names) {
		this.userFields.permit(names);
	}

	@Override
	public Optional<PowUser> authenticate(String userId, String password) {
		if (userId == null || userId.isBlank()) {
			return Optional.empty();
		}
		String givenPassword = (password != null) ? password : "";
		if (givenPassword.length() > this.passwordMaxLength * 2) {
			// Longer than any password can be: never hash it, but pay for one check.
			this.passwordEncoder.matches("", this.dummyPasswordHash);
			return Optional.empty();
		}
		Optional<PowUser> user = getByUserId(userId);
		String hash = user.map(PowUser::getPasswordHash).orElse(null);
		if (hash == null) {
			this.passwordEncoder.matches(givenPassword, this.dummyPasswordHash);
			return Optional.empty();
		}
		if (!this.passwordEncoder.matches(givenPassword, hash)) {
			return Optional.empty();
		}
		if (this.passwordEncoder.upgradeEncoding(hash)) {
			rehash(user.get(), givenPassword);
		}
		if (this.initialAdmins.contains(user.get().getUserId()) && !user.get().hasRole(ADMIN_ROLE)) {
			return Optional.of(grantAdmin(user.get()));
		}
		return user;
	}

	private PowUser grantAdmin(PowUser user) {
		Set<String> roles = new TreeSet<>(user.getRoles());
		roles.add(ADMIN_ROLE);
		logger.info("Granting the " + ADMIN_ROLE + " role to " + user + ", one of pow.admin.initial-admins");
		return setRoles(user, roles);
	}

	@Override
	public PowUser setRoles(PowUser user, Set<String> roles) {
		Set<String> checked = UserRoles.of(roles);
		PowUser stored = change(user, (managed) -> managed.setRoles(checked));
		publish(new UserRolesChangedEvent(this, stored));
		return stored;
	}

	@Override
	public PowUser lock(PowUser user, String reason) {
		PowUser stored = change(user, (managed) -> {
			if (managed.getLockedAt() == null) {
				managed.setLockedAt(this.clock.instant());
			}
			managed.setLockedReason(reason);
		});
		publish(new UserLockedEvent(this, stored));
		return stored;
	}

	@Override
	public PowUser unlock(PowUser user) {
		return change(user, (managed) -> {
			managed.setLockedAt(null);
			managed.setLockedReason(null);
		});
	}

	private PowUser change(PowUser user, Consumer<PowUser> change) {
		return this.transactionTemplate.execute((status) -> {
			PowUser managed = this.entityManager.find(this.userClass, user.getId());
			if (managed == null) {
				throw new IllegalStateException(user + " no longer exists");
			}
			change.accept(managed);
			managed.setUpdatedAt(this.clock.instant());
			return managed;
		});
	}

	private void publish(Object event) {
		if (this.eventPublisher != null) {
			this.eventPublisher.publishEvent(event);
		}
	}

	private void rehash(PowUser user, String password) {
		String newHash = this.passwordEncoder.encode(password);
		try {
			this.transactionTemplate.executeWithoutResult((status) -> {
				PowUser managed = this.entityManager.find(this.userClass, user.getId());
				if (managed != null && user.getPasswordHash().equals(managed.getPasswordHash())) {
					managed.setPasswordHash(newHash);
				}
			});
			user.setPasswordHash(newHash);
		}
		catch (RuntimeException ex) {
			// The sign-in itself succeeded; the old hash keeps working until the next try.
			logger.warn("Could not re-hash the password of " + user, ex);
		}
	}

	@Override
	public UserResult create(UserParams params) {
		BindingResult errors = new BeanPropertyBindingResult(params, "user");
		PowUser user = BeanUtils.instantiateClass(this.userClass);
		UserValidator.Changes changes = this.validator.validate(user, params, errors);
		return insert(user, changes, params, errors, true);
	}

	@Override
	public UserResult createWithoutPassword(UserParams params) {
		BindingResult errors = new BeanPropertyBindingResult(params, "user");
		PowUser user = BeanUtils.instantiateClass(this.userClass);
		UserValidator.Changes changes = this.validator.validateUserIdOnly(user, params, errors);
		return insert(user, changes, params, errors, false);
	}

	private UserResult insert(PowUser user, UserValidator.Changes changes, UserParams params, BindingResult errors,
			boolean applicationRules) {
		Map<String, Object> fields = convertFields(null, params, errors);
		if (applicationRules) {
			checkApplicationRules(BeanUtils.instantiateClass(this.userClass), changes, fields, params, errors);
		}
		this.validator.checkTaken(user, params, this::userIdTaken, errors);
		if (changes == null || errors.hasErrors()) {
			return new UserResult(null, errors);
		}
		changes.applyTo(user);
		this.userFields.applyTo(user, fields);
		Set<String> roles = new TreeSet<>(this.defaultRoles);
		if (this.initialAdmins.contains(user.getUserId())) {
			roles.add(ADMIN_ROLE);
		}
		user.setRoles(roles);
		Instant now = this.clock.instant();
		user.setInsertedAt(now);
		user.setUpdatedAt(now);
		return write(errors, () -> {
			this.entityManager.persist(user);
			return user;
		});
	}

	@Override
	public UserResult update(PowUser user, UserParams params) {
		BindingResult errors = new BeanPropertyBindingResult(params, "user");
		// Checked against the stored user: the given one may be a cached copy, which holds
		// no password hash.
		PowUser stored = getById(user.getId()).orElse(user);
		UserValidator.Changes changes = this.validator.validate(stored, params, errors);
		Map<String, Object> fields = convertFields(stored.getId(), params, errors);
		PowUser candidate = BeanUtils.instantiateClass(this.userClass);
		BeanUtils.copyProperties(stored, candidate);
		checkApplicationRules(candidate, changes, fields, params, errors);
		this.validator.checkTaken(stored, params, this::userIdTaken, errors);
		if (changes == null || errors.hasErrors()) {
			return new UserResult(null, errors);
		}
		return writeChanges(user, errors, (managed) -> {
			changes.applyTo(managed);
			this.userFields.applyTo(managed, fields);
		});
	}

	@Override
	public UserResult resetPassword(PowUser user, UserParams params) {
		BindingResult errors = new BeanPropertyBindingResult(params, "user");
		UserValidator.Changes changes = this.validator.validatePasswordReset(params, errors);
		PowUser candidate = BeanUtils.instantiateClass(this.userClass);
		BeanUtils.copyProperties(user, candidate);
		checkApplicationRules(candidate, changes, Map.of(), params, errors);
		if (changes == null || errors.hasErrors()) {
			return new UserResult(null, errors);
		}
		return writeChanges(user, errors, changes::applyTo);
	}

	// The application's own fields, and the email of users who sign in by user name, which
	// is applied as one more of them once it is normalized and known to be free.
	private Map<String, Object> convertFields(Long userId, UserParams params, BindingResult errors) {
		Map<String, Object> fields = this.userFields.convert(params, errors);
		if (this.findByEmailQuery == null) {
			return fields;
		}
		fields.remove(UserEmailField.NAME);
		UserEmailField.Change email = UserEmailField.read(params, errors);
		if (email == null) {
			return fields;
		}
		if (email.address() != null && emailTakenByAnother(email.address(), userId)) {
			errors.rejectValue(UserEmailField.PATH, ValidationCodes.TAKEN);
		}
		fields.put(UserEmailField.NAME, email.address());
		return fields;
	}

	private boolean emailTakenByAnother(String email, Long userId) {
		return this.entityManager.createQuery(this.countOthersByEmailQuery, Long.class)
			.setParameter("email", email)
			.setParameter("id", (userId != null) ? userId : -1L)
			.getSingleResult() > 0;
	}

	// Asks the application's rules about the user as it would be stored: a copy, so that
	// nothing reaches the stored user unless every rule passes.
	private void checkApplicationRules(PowUser candidate, UserValidator.Changes changes, Map<String, Object> fields,
			UserParams params, BindingResult errors) {
		if (this.validators.isEmpty() || changes == null) {
			return;
		}
		changes.applyTo(candidate);
		this.userFields.applyTo(candidate, fields);
		for (PowUserValidator validator : this.validators) {
			validator.validate(candidate, params, errors);
		}
	}

	private UserResult writeChanges(PowUser user, BindingResult errors, Consumer<PowUser> changes) {
		return write(errors, () -> {
			PowUser managed = this.entityManager.find(this.userClass, user.getId());
			if (managed == null) {
				throw new IllegalStateException(user + " no longer exists");
			}
			changes.accept(managed);
			managed.setUpdatedAt(this.clock.instant());
			return managed;
		});
	}

	/**
	 * Run a write in a transaction of its own. A concurrent writer may take the user id
	 * between the check and the insert; the unique index then refuses the row, which is
	 * reported as the same field error the check gives.
	 */
	private UserResult write(BindingResult errors, Supplier<PowUser> write) {
		try {
			PowUser written = this.transactionTemplate.execute((status) -> {
				PowUser user = write.get();
				this.entityManager.flush();
				return user;
			});
			return new UserResult(written, errors);
		}
		catch (RuntimeException ex) {
			if (isIndexViolation(ex, this.userIdIndex)) {
				errors.rejectValue("userId", ValidationCodes.TAKEN);
			}
			else if (this.findByEmailQuery != null && isIndexViolation(ex, EMAIL_INDEX)) {
				errors.rejectValue(UserEmailField.PATH, ValidationCodes.TAKEN);
			}
			else {
				throw ex;
			}
			return new UserResult(null, errors);
		}
	}

	private static boolean isIndexViolation(Throwable exception, String index) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sqlException && UNIQUE_VIOLATION.equals(sqlException.getSQLState())) {
				String message = String.valueOf(sqlException.getMessage()).toLowerCase(Locale.ROOT);
				return message.contains(index);
			}
		}
		return false;
	}

	@Override
	public void delete(PowUser user) {
		this.transactionTemplate.executeWithoutResult((status) -> {
			PowUser managed = this.entityManager.find(this.userClass, user.getId());
			if (managed != null) {
				this.entityManager.remove(managed);
			}
		});
	}

	@Override
	public Optional<PowUser> getByUserId(String userId) {
		return findOne(this.findByUserIdQuery, "userId", userId);
	}

	// The user whose unique column holds the value, normalized first.
	private Optional<PowUser> findOne(String query, String parameter, String value) {
		String normalized = UserIds.normalize(value);
		if (!UserIds.isStorable(normalized)) {
			return Optional.empty();
		}
		return this.entityManager.createQuery(query, this.userClass)
			.setParameter(parameter, normalized)
			.getResultList()
			.stream()
			.findFirst()
			.map(PowUser.class::cast);
	}

	@Override
	public Optional<PowUser> getById(Long id) {
		if (id == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.entityManager.find(this.userClass, id));
	}

	@Override
	public boolean storesEmails() {
		return this.userIdField == UserIdField.EMAIL || this.findByEmailQuery != null;
	}

	@Override
	public Optional<PowUser> getByEmail(String email) {
		if (this.userIdField == UserIdField.EMAIL) {
			return getByUserId(email);
		}
		return (this.findByEmailQuery != null) ? findOne(this.findByEmailQuery, "email", email) : Optional.empty();
	}

	@Override
	public Optional<String> emailOf(PowUser user) {
		if (this.userIdField == UserIdField.EMAIL) {
			return Optional.ofNullable(user.getUserId());
		}
		return (user instanceof PowUsernameUser withEmail) ? Optional.ofNullable(withEmail.getEmail())
				: Optional.empty();
	}

	private boolean userIdTaken(String normalizedUserId) {
		return this.entityManager.createQuery(this.countByUserIdQuery, Long.class)
			.setParameter("userId", normalizedUserId)
			.getSingleResult() > 0;
	}

}
