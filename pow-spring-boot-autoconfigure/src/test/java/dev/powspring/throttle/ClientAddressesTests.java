package dev.powspring.throttle;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the client's address comes from.
 */
class ClientAddressesTests {

	@Test
	void withoutConfiguredHeaderTheConnectionsAddressIsUsedAndForwardedForIgnored() {
		MockHttpServletRequest request = request();

		assertThat(new ClientAddresses(null).of(request)).isEqualTo("10.0.0.7");
		assertThat(new ClientAddresses("").of(request)).isEqualTo("10.0.0.7");
	}

	@Test
	void withConfiguredHeaderItsFirstAddressIsUsed() {
		assertThat(new ClientAddresses("X-Forwarded-For").of(request())).isEqualTo("203.0.113.9");
	}

	@Test
	void withConfiguredHeaderMissingTheConnectionsAddressIsUsed() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("10.0.0.7");

		assertThat(new ClientAddresses("X-Forwarded-For").of(request)).isEqualTo("10.0.0.7");
	}

	private static MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("10.0.0.7");
		request.addHeader("X-Forwarded-For", "203.0.113.9, 10.0.0.1");
		return request;
	}

}
