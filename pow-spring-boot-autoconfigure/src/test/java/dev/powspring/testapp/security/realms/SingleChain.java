package dev.powspring.testapp.security.realms;

import dev.powspring.security.PowSecurityConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One chain of the application's for every request, the default realm's: the staff
 * realm's pages fall into it, which Pow's startup check points out.
 */
@Configuration(proxyBeanMethods = false)
public class SingleChain {

	@Bean
	SecurityFilterChain everything(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.with(PowSecurityConfigurer.pow(), Customizer.withDefaults());
		return http.build();
	}

}
