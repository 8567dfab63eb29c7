package dev.powspring.autoconfigure;

import dev.powspring.password.PowPasswordEncoder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The password encoder. Replace it by declaring a {@code PasswordEncoder} bean named
 * {@value #BEAN_NAME}.
 */
@Configuration(proxyBeanMethods = false)
class PowPasswordConfiguration {

	static final String BEAN_NAME = "powPasswordEncoder";

	@Bean(name = BEAN_NAME)
	@ConditionalOnMissingBean(name = BEAN_NAME)
	PowPasswordEncoder powPasswordEncoder(PowProperties properties) {
		PowProperties.Password password = properties.getPassword();
		return new PowPasswordEncoder(password.getAlgorithm(), password.getPbkdf2Iterations(),
				password.getBcryptStrength());
	}

}
