package dev.powspring.tenant;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each shipped {@link PowTenantResolver} reads a tenant from, and what it ignores.
 */
class TenantResolversTests {

	@Test
	void subdomainWhenOneLabelUnderTheDomainThenThatLabel() {
		SubdomainTenantResolver resolver = new SubdomainTenantResolver("example.com");

		assertThat(resolver.resolve(host("acme.example.com"))).hasValue("acme");
		assertThat(resolver.resolve(host("ACME.Example.com"))).hasValue("acme");
		assertThat(resolver.resolve(host("example.com"))).isEmpty();
		assertThat(resolver.resolve(host("a.b.example.com"))).isEmpty();
		assertThat(resolver.resolve(host("acme.evil-example.com"))).isEmpty();
		assertThat(resolver.resolve(host("acmeexample.com"))).isEmpty();
	}

	@Test
	void headerWhenPresentThenItsTrimmedValue() {
		HeaderTenantResolver resolver = new HeaderTenantResolver("X-Pow-Tenant");
		MockHttpServletRequest request = new MockHttpServletRequest();

		assertThat(resolver.resolve(request)).isEmpty();
		request.addHeader("X-Pow-Tenant", " acme ");
		assertThat(resolver.resolve(request)).hasValue("acme");
	}

	@Test
	void pathPrefixThenTheSegmentAfterItAndTheRestAsTheApplicationsPath() {
		PathPrefixTenantResolver resolver = new PathPrefixTenantResolver("/t/");
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/t/acme/session/new");
		request.setContextPath("/app");

		assertThat(resolver.resolve(request)).hasValue("acme");
		HttpServletRequest scoped = resolver.scope(request, "acme");
		assertThat(scoped.getContextPath()).isEqualTo("/app/t/acme");
		assertThat(scoped.getServletPath()).isEqualTo("/session/new");
		assertThat(resolver.resolve(new MockHttpServletRequest("GET", "/tenants/acme"))).isEmpty();
		assertThat(resolver.resolve(new MockHttpServletRequest("GET", "/t//x"))).isEmpty();
	}

	private static MockHttpServletRequest host(String host) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setServerName(host);
		return request;
	}

}
