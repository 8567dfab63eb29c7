package dev.powspring.security;

import java.util.List;
import java.util.Optional;

import dev.powspring.autoconfigure.PowAutoConfiguration;
import dev.powspring.autoconfigure.PowSecurityAutoConfiguration;
import dev.powspring.user.PowUser;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;
import dev.powspring.user.UserResult;
import dev.powspring.web.csrf.PowCsrf;
import dev.powspring.web.guard.PowGuardInterceptor;
import dev.powspring.web.guard.SignedInCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Spring Security integration provides, how it backs off, what it warns about,
 * and that without Spring Security nothing of it exists.
 */
@ExtendWith(OutputCaptureExtension.class)
class PowSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class, PowAutoConfiguration.class,
				PowSecurityAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("pow.throttle.enabled=false")
		.withBean(PowUsersService.class, NoUsers::new);

	@Test
	void springSecurityPresentThenPowIsItsSecurityContextAndCsrfRepository() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PowSecurityContextRepository.class)
				.hasSingleBean(PowCsrfTokenRepository.class)
				.hasSingleBean(SignedInCheck.class)
				.hasSingleBean(PowAuthenticationProvider.class)
				.hasBean("powSecurityFilterChain");
			assertThat(context.getBean(SecurityFilterChain.class).getFilters())
				.as("Boot's default chain, with HTTP Basic and form login, is not there")
				.noneMatch((filter) -> filter.getClass().getSimpleName().contains("BasicAuthentication"));
		});
	}

	@Test
	void applicationDeclaresAChainThenPowsChainBacksOff() {
		this.contextRunner.withUserConfiguration(OwnChain.class).run((context) -> {
			assertThat(context).doesNotHaveBean("powSecurityFilterChain").hasBean("ownChain");
			assertThat(context.getBean(PowSecurityChains.class).appliesPow(context.getBean(SecurityFilterChain.class)))
				.isTrue();
		});
	}

	@Test
	void springSecurityAbsentThenNothingOfTheIntegrationAndGuardsAskThePowSession() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader("org.springframework.security.web",
					"org.springframework.security.config", "org.springframework.boot.security"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(PowSecurityContextRepository.class)
					.doesNotHaveBean(PowCsrfTokenRepository.class)
					.doesNotHaveBean(SignedInCheck.class)
					.doesNotHaveBean(PowAuthenticationProvider.class)
					.doesNotHaveBean("powSecurityFilterChain")
					.hasSingleBean(PowGuardInterceptor.class)
					.hasSingleBean(PowCsrf.class);
				assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
			});
	}

	@Test
	void authoritiesMapperDeclaredThenItGivesTheAuthorities() {
		this.contextRunner
			.withBean(PowAuthoritiesMapper.class, () -> (user) -> List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))
			.run((context) -> {
				PowAuthentication authentication = context.getBean(PowSecurityContextRepository.class)
					.authenticationOf(new NoUsers.Someone());
				assertThat(authentication.getAuthorities()).extracting("authority").containsExactly("ROLE_ADMIN");
				assertThat(authentication.getName()).isEqualTo("someone@example.com");
				assertThat(authentication.getPrincipal()).isInstanceOf(NoUsers.Someone.class);
			});
	}

	@Test
	void defaultAuthoritiesThenRoleUser() {
		this.contextRunner.run((context) -> assertThat(context.getBean(PowSecurityContextRepository.class)
			.authenticationOf(new NoUsers.Someone())
			.getAuthorities()).extracting("authority").containsExactly("ROLE_USER"));
	}

	@Test
	void startupWhenAChainServesPowsPagesWithoutPowThenWarnsWithTheFix(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(ChainWithoutPow.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Spring Security filter chain 'chainWithoutPow', which serves Pow's sign-in "
					+ "page /session/new, does not apply Pow")
				.contains(".with(PowSecurityConfigurer.pow(), Customizer.withDefaults())")
				.contains("denies it to anonymous users, so nobody can sign in")
				.contains("enables HTTP Basic");
		});
	}

	@Test
	void startupWhenPowChainAddsSecondSignInsThenWarns(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(PowChainWithFormLogin.class).run((context) -> {
			List<String> problems = context.getBean(PowSecurityChainsCheck.class).problems();
			assertThat(problems).hasSize(2);
			assertThat(problems.get(0)).contains("enables HTTP Basic: browsers get a password dialog");
			assertThat(problems.get(1)).contains("enables Spring Security's form login");
			assertThat(output).contains("Remove formLogin()");
		});
	}

	@Test
	void startupWhenChainWithoutPowOnlyServesOtherPathsThenNoWarning(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(OwnChain.class, ApiChainWithoutPow.class).run((context) -> {
			assertThat(context.getBean(PowSecurityChainsCheck.class).problems()).isEmpty();
			assertThat(output).doesNotContain("Spring Security filter chain");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		@Order(2)
		SecurityFilterChain ownChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.with(PowSecurityConfigurer.pow(), Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApiChainWithoutPow {

		@Bean
		@Order(1)
		SecurityFilterChain apiChain(HttpSecurity http) {
			http.securityMatcher("/api/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChainWithoutPow {

		@Bean
		SecurityFilterChain chainWithoutPow(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PowChainWithFormLogin {

		@Bean
		SecurityFilterChain powChainWithFormLogin(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.formLogin(Customizer.withDefaults())
				.with(PowSecurityConfigurer.pow(), Customizer.withDefaults());
			return http.build();
		}

	}

	/**
	 * A users service that knows nobody, so the web layer starts without a database.
	 */
	static class NoUsers implements PowUsersService {

		@Override
		public Optional<PowUser> authenticate(String userId, String password) {
			return Optional.empty();
		}

		@Override
		public UserResult create(UserParams params) {
			throw new UnsupportedOperationException();
		}

		@Override
		public UserResult update(PowUser user, UserParams params) {
			throw new UnsupportedOperationException();
		}

		@Override
		public UserResult createWithoutPassword(UserParams params) {
			throw new UnsupportedOperationException();
		}

		@Override
		public UserResult resetPassword(PowUser user, UserParams params) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void delete(PowUser user) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<PowUser> getByUserId(String userId) {
			return Optional.empty();
		}

		@Override
		public Optional<PowUser> getById(Long id) {
			return Optional.empty();
		}

		static class Someone extends PowUser {

			Someone() {
				setUserId("someone@example.com");
			}

		}

	}

}
