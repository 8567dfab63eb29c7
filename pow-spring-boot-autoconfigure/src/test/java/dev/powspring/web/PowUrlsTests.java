package dev.powspring.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link PowUrls} builds the absolute links in mails.
 */
@ExtendWith(OutputCaptureExtension.class)
class PowUrlsTests {

	@Test
	void absoluteWhenBaseUrlHasTrailingSlashThenNoDoubleSlash() {
		PowUrls urls = new PowUrls("https://notes.example/", List.of());

		assertThat(urls.absolute(request(), "/reset-password/abc"))
			.contains("https://notes.example/reset-password/abc");
	}

	@Test
	void absoluteWhenBaseUrlWithoutTrailingSlashThenPathAppended() {
		PowUrls urls = new PowUrls("https://notes.example", List.of());

		assertThat(urls.absolute(request(), "/reset-password/abc"))
			.contains("https://notes.example/reset-password/abc");
	}

	@Test
	void absoluteWhenBaseUrlHasPathAndSurroundingWhitespaceThenKept() {
		PowUrls urls = new PowUrls("  https://example.com/notes//  ", List.of());

		assertThat(urls.absolute(request(), "/reset-password/abc"))
			.contains("https://example.com/notes/reset-password/abc");
	}

	@Test
	void absoluteWhenBaseUrlSetThenRequestHostIgnored() {
		PowUrls urls = new PowUrls("https://notes.example", List.of());
		MockHttpServletRequest request = request();
		request.setServerName("attacker.example");
		request.addHeader("Host", "attacker.example");

		assertThat(urls.absolute(request, "/reset-password/abc")).contains("https://notes.example/reset-password/abc");
	}

	@Test
	void absoluteWhenNoBaseUrlThenBuiltFromRequestWithContextPath() {
		PowUrls urls = new PowUrls(null, List.of());

		assertThat(urls.absolute(request(), "/reset-password/abc"))
			.contains("http://localhost:8080/app/reset-password/abc");
	}

	@Test
	void absoluteWhenBaseUrlBlankThenBuiltFromRequest() {
		PowUrls urls = new PowUrls("   ", List.of());

		assertThat(urls.absolute(request(), "/reset-password/abc"))
			.contains("http://localhost:8080/app/reset-password/abc");
	}

	@Test
	void absoluteWhenNoBaseUrlAndDefaultPortThenPortLeftOut() {
		PowUrls urls = new PowUrls(null, List.of("Notes.Example"));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reset-password");
		request.setScheme("https");
		request.setServerName("notes.example");
		request.setServerPort(443);

		assertThat(urls.absolute(request, "/reset-password/abc")).contains("https://notes.example/reset-password/abc");
	}

	@Test
	void absoluteWhenNoBaseUrlAndRootContextThenNoContextPath() {
		PowUrls urls = new PowUrls(null, List.of());
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reset-password");
		request.setServerPort(8080);

		assertThat(urls.absolute(request, "/confirm-email/xyz")).contains("http://localhost:8080/confirm-email/xyz");
	}

	@Test
	void absoluteWhenNoBaseUrlThenRequestPathAndQueryLeftOut() {
		PowUrls urls = new PowUrls(null, List.of());
		MockHttpServletRequest request = request();
		request.setQueryString("email=jane%40example.com");

		assertThat(urls.absolute(request, "/reset-password/abc"))
			.contains("http://localhost:8080/app/reset-password/abc");
	}

	@ParameterizedTest
	@ValueSource(strings = { "evil.example", "notes.example.evil.example", "localhost.evil.example", "127.0.0.1.nip.io" })
	void absoluteWhenNoBaseUrlAndHostNotTrustedThenNoLinkAndAnError(String host, CapturedOutput output) {
		PowUrls urls = new PowUrls(null, List.of("notes.example"));
		MockHttpServletRequest request = request();
		request.setServerName(host);

		assertThat(urls.absolute(request, "/reset-password/abc")).isEmpty();
		assertThat(output).contains("ERROR").contains("untrusted host '" + host + "'")
			.contains("pow.base-url")
			.contains("pow.allowed-hosts")
			.doesNotContain("/reset-password/abc");
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "127.0.0.1", "127.10.0.2", "[::1]", "NOTES.example" })
	void absoluteWhenNoBaseUrlAndHostLoopbackOrAllowedThenBuiltFromRequest(String host) {
		PowUrls urls = new PowUrls(null, List.of(" notes.example "));
		MockHttpServletRequest request = request();
		request.setServerName(host);

		assertThat(urls.absolute(request, "/reset-password/abc")).hasValueSatisfying(
				(url) -> assertThat(url).endsWith(":8080/app/reset-password/abc"));
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
