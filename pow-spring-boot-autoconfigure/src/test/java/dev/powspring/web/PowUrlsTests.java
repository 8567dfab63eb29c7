package dev.powspring.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link PowUrls} builds the absolute links in mails.
 */
class PowUrlsTests {

	@Test
	void absoluteWhenBaseUrlHasTrailingSlashThenNoDoubleSlash() {
		PowUrls urls = new PowUrls("https://notes.example/");

		assertThat(urls.absolute(request(), "/reset-password/abc"))
			.isEqualTo("https://notes.example/reset-password/abc");
	}

	@Test
	void absoluteWhenBaseUrlWithoutTrailingSlashThenPathAppended() {
		PowUrls urls = new PowUrls("https://notes.example");

		assertThat(urls.absolute(request(), "/reset-password/abc"))
			.isEqualTo("https://notes.example/reset-password/abc");
	}

	@Test
	void absoluteWhenBaseUrlHasPathAndSurroundingWhitespaceThenKept() {
		PowUrls urls = new PowUrls("  https://example.com/notes//  ");

		assertThat(urls.absolute(request(), "/reset-password/abc"))
			.isEqualTo("https://example.com/notes/reset-password/abc");
	}

	@Test
	void absoluteWhenBaseUrlSetThenRequestHostIgnored() {
		PowUrls urls = new PowUrls("https://notes.example");
		MockHttpServletRequest request = request();
		request.setServerName("attacker.example");
		request.addHeader("Host", "attacker.example");

		assertThat(urls.absolute(request, "/reset-password/abc")).isEqualTo("https://notes.example/reset-password/abc");
	}

	@Test
	void absoluteWhenNoBaseUrlThenBuiltFromRequestWithContextPath() {
		PowUrls urls = new PowUrls(null);

		assertThat(urls.absolute(request(), "/reset-password/abc"))
			.isEqualTo("http://localhost:8080/app/reset-password/abc");
	}

	@Test
	void absoluteWhenBaseUrlBlankThenBuiltFromRequest() {
		PowUrls urls = new PowUrls("   ");

		assertThat(urls.absolute(request(), "/reset-password/abc"))
			.isEqualTo("http://localhost:8080/app/reset-password/abc");
	}

	@Test
	void absoluteWhenNoBaseUrlAndDefaultPortThenPortLeftOut() {
		PowUrls urls = new PowUrls(null);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reset-password");
		request.setScheme("https");
		request.setServerName("notes.example");
		request.setServerPort(443);

		assertThat(urls.absolute(request, "/reset-password/abc")).isEqualTo("https://notes.example/reset-password/abc");
	}

	@Test
	void absoluteWhenNoBaseUrlAndRootContextThenNoContextPath() {
		PowUrls urls = new PowUrls(null);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reset-password");
		request.setServerPort(8080);

		assertThat(urls.absolute(request, "/confirm-email/xyz")).isEqualTo("http://localhost:8080/confirm-email/xyz");
	}

	@Test
	void absoluteWhenNoBaseUrlThenRequestPathAndQueryLeftOut() {
		PowUrls urls = new PowUrls(null);
		MockHttpServletRequest request = request();
		request.setQueryString("email=jane%40example.com");

		assertThat(urls.absolute(request, "/reset-password/abc"))
			.isEqualTo("http://localhost:8080/app/reset-password/abc");
	}

	private static MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app/reset-password");
		request.setScheme("http");
		request.setServerName("localhost");
		request.setServerPort(8080);
		request.setContextPath("/app");
		return request;
	}

}
