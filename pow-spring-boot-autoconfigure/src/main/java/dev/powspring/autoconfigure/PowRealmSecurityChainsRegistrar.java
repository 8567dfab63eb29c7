package dev.powspring.autoconfigure;

import java.util.Comparator;
import java.util.List;

import dev.powspring.security.PowRealmSecurityFilterChain;
import dev.powspring.security.PowSecurityConfigurer;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Registers a {@link PowRealmSecurityFilterChain} for each realm under {@code pow.realms},
 * ahead of Pow's default chain, the realm with the longest prefix first.
 */
class PowRealmSecurityChainsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private Environment environment;

	private BeanFactory beanFactory;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		List<String> realms = PowRealmsConfiguration.realmNames(this.environment)
			.stream()
			.sorted(Comparator.comparingInt(this::prefixLength).reversed())
			.toList();
		for (int i = 0; i < realms.size(); i++) {
			String realm = realms.get(i);
			RootBeanDefinition definition = new RootBeanDefinition(PowRealmSecurityFilterChain.class,
					() -> chain(realm));
			definition.setAttribute(AbstractBeanDefinition.ORDER_ATTRIBUTE,
					SecurityFilterProperties.BASIC_AUTH_ORDER - realms.size() + i);
			registry.registerBeanDefinition("powRealmSecurityFilterChain." + realm, definition);
		}
	}

	private int prefixLength(String realm) {
		return this.environment.getProperty("pow.realms." + realm + ".routes.prefix", "/" + realm).length();
	}

	private PowRealmSecurityFilterChain chain(String realm) {
		HttpSecurity http = this.beanFactory.getBean(HttpSecurity.class);
		try {
			http.authorizeHttpRequests((requests) -> requests
				.requestMatchers(PathRequest.toStaticResources().atCommonLocations())
				.permitAll()
				.anyRequest()
				.authenticated());
			http.with(PowSecurityConfigurer.pow(realm), Customizer.withDefaults());
			return new PowRealmSecurityFilterChain(realm, http.build());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not build the security chain of realm '" + realm + "'", ex);
		}
	}

}
