package dev.powspring.testapp.tenancy;

import dev.powspring.session.CurrentUser;
import dev.powspring.tenant.PowTenantContext;
import dev.powspring.test.time.MutableClock;
import dev.powspring.user.PowUser;
import dev.powspring.web.guard.RequireAuthenticated;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A multitenant application (its tenancy settings come from the tests): notes for the
 * signed-in user of the request's tenant.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TenancyTestApplication.Notes.class)
public class TenancyTestApplication {

	@Bean
	MutableClock clock() {
		return MutableClock.now();
	}

	@RestController
	static class Notes {

		@GetMapping("/notes")
		@RequireAuthenticated
		String notes(@CurrentUser PowUser user) {
			return "notes of " + user.getUserId() + " at " + PowTenantContext.current().orElse("-");
		}

	}

}
