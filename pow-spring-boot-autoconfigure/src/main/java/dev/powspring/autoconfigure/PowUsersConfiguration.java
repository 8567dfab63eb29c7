package dev.powspring.autoconfigure;

import java.time.Clock;

import dev.powspring.user.BeanValidationPowUserValidator;
import dev.powspring.user.JpaPowUsersService;
import dev.powspring.user.PasswordlessSignIn;
import dev.powspring.user.PowUserValidator;
import dev.powspring.user.PowUsersService;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The JPA users service, backing off when the application declares its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(EntityManagerFactory.class)
class PowUsersConfiguration {

	@Bean
	@ConditionalOnMissingBean(PowUsersService.class)
	@ConditionalOnSingleCandidate(EntityManagerFactory.class)
	JpaPowUsersService powUsersService(EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager,
			@Qualifier(PowPasswordConfiguration.BEAN_NAME) PasswordEncoder passwordEncoder, PowProperties properties,
			Clock clock, ObjectProvider<PowUserValidator> validators, ObjectProvider<PasswordlessSignIn> passwordless,
			ApplicationEventPublisher events) {
		PowProperties.Password password = properties.getPassword();
		JpaPowUsersService users = new JpaPowUsersService(entityManagerFactory, transactionManager,
				PowUserEntities.resolve(entityManagerFactory), properties.getUserIdField(), password.getMinLength(),
				password.getMaxLength(), passwordEncoder, clock);
		users.setUserFields(properties.getUserFields());
		users.setValidators(validators.orderedStream().toList());
		users.setDefaultRoles(properties.getRoles().getDefault());
		users.setInitialAdmins(properties.getAdmin().getInitialAdmins());
		users.setEventPublisher(events);
		users.setPasswordOptional(passwordless.orderedStream().anyMatch(PasswordlessSignIn::passwordOptional));
		return users;
	}

	/**
	 * The Bean Validation annotations of the application's user entity, when the
	 * application uses Bean Validation.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "jakarta.validation.Validator")
	@ConditionalOnBean(type = "jakarta.validation.Validator")
	static class BeanValidation {

		@Bean
		@ConditionalOnMissingBean
		BeanValidationPowUserValidator powBeanValidationUserValidator(jakarta.validation.Validator validator) {
			return new BeanValidationPowUserValidator(validator);
		}

	}

}
