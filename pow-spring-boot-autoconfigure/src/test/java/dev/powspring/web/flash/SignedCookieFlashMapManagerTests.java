package dev.powspring.web.flash;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.powspring.token.TokenSigner;
import jakarta.servlet.http.Cookie;
import org.assertj.core.api.MapAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockCookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SignedCookieFlashMapManager}.
 */
class SignedCookieFlashMapManagerTests {

	private static final String COOKIE = "pow_flash";

	private final TokenSigner signer = TokenSigner.fromSecret("flash-tests-secret-0123456789abcdef");

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T12:00:00Z"));

	private final SignedCookieFlashMapManager manager = new SignedCookieFlashMapManager(this.signer, this.clock);

	private final List<MockHttpServletRequest> requests = new ArrayList<>();

	@AfterEach
	void noSessionWasCreated() {
		for (MockHttpServletRequest request : this.requests) {
			assertThat(request.getSession(false)).isNull();
		}
	}

	@Test
	void retrieveAndUpdateWhenFlashSavedOnRedirectThenReturnedOnTargetRequest() {
		Cookie cookie = redirectWithFlash("/notes", "info", "Note created.");

		MockHttpServletResponse response = new MockHttpServletResponse();
		FlashMap flash = this.manager.retrieveAndUpdate(request("GET", "/notes", cookie), response);

		assertThatFlash(flash).containsExactlyEntriesOf(Map.of("info", "Note created."));
	}

	@Test
	void retrieveAndUpdateWhenFlashConsumedThenCookieCleared() {
		Cookie cookie = redirectWithFlash("/notes", "info", "Note created.");

		MockHttpServletResponse response = new MockHttpServletResponse();
		this.manager.retrieveAndUpdate(request("GET", "/notes", cookie), response);

		MockCookie cleared = flashCookie(response);
		assertThat(cleared.getValue()).isEmpty();
		assertThat(cleared.getMaxAge()).isZero();
		assertThat(cleared.getPath()).isEqualTo("/");
		MockHttpServletResponse next = new MockHttpServletResponse();
		assertThatFlash(this.manager.retrieveAndUpdate(request("GET", "/notes"), next)).isNull();
		assertThat(next.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
	}

	@Test
	void saveOutputFlashMapThenCookieIsHttpOnlyLaxRootPathAndLivesForTimeout() {
		MockHttpServletResponse response = saveFlash(request("POST", "/notes"), "/notes", "info", "Saved.");

		MockCookie cookie = flashCookie(response);
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getMaxAge()).isEqualTo(180);
		assertThat(cookie.getSecure()).isFalse();
		assertThat(response.getHeader(HttpHeaders.SET_COOKIE)).doesNotContain("Domain");
	}

	@Test
	void saveOutputFlashMapWhenRequestIsSecureThenCookieIsSecure() {
		MockHttpServletRequest request = request("POST", "/notes");
		request.setSecure(true);

		MockHttpServletResponse response = saveFlash(request, "/notes", "info", "Saved.");

		assertThat(flashCookie(response).getSecure()).isTrue();
	}

	@Test
	void saveOutputFlashMapThenCookieValueIsSignedForFlash() {
		MockCookie cookie = flashCookie(saveFlash(request("POST", "/notes"), "/notes", "info", "Saved."));

		assertThat(cookie.getValue()).matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$");
		assertThat(this.signer.verify("flash", cookie.getValue())).isPresent();
		assertThat(this.signer.verify("session", cookie.getValue())).isEmpty();
	}

	@Test
	void retrieveAndUpdateWhenRequestForOtherPathThenFlashKeptForTarget() {
		Cookie cookie = redirectWithFlash("/a", "info", "For a.");

		MockHttpServletResponse other = new MockHttpServletResponse();
		assertThatFlash(this.manager.retrieveAndUpdate(request("GET", "/b", cookie), other)).isNull();
		assertThat(other.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();

		FlashMap flash = this.manager.retrieveAndUpdate(request("GET", "/a", cookie), new MockHttpServletResponse());
		assertThatFlash(flash).containsEntry("info", "For a.");
	}

	@Test
	void retrieveAndUpdateWhenTargetRequestParamsDoNotMatchThenFlashKept() {
		FlashMap flashMap = new FlashMap();
		flashMap.put("info", "Page two.");
		flashMap.setTargetRequestPath("/notes");
		flashMap.addTargetRequestParam("page", "2");
		MockHttpServletResponse saved = new MockHttpServletResponse();
		this.manager.saveOutputFlashMap(flashMap, request("POST", "/notes"), saved);
		Cookie cookie = toRequestCookie(flashCookie(saved));

		MockHttpServletRequest withoutParam = request("GET", "/notes", cookie);
		assertThatFlash(this.manager.retrieveAndUpdate(withoutParam, new MockHttpServletResponse())).isNull();
		MockHttpServletRequest withParam = request("GET", "/notes", cookie);
		withParam.setQueryString("page=2");
		withParam.addParameter("page", "2");
		assertThatFlash(this.manager.retrieveAndUpdate(withParam, new MockHttpServletResponse())).containsEntry("info",
				"Page two.");
	}

	@Test
	void retrieveAndUpdateWhenCookieTamperedThenNoFlash() {
		Cookie cookie = redirectWithFlash("/notes", "info", "Note created.");
		String value = cookie.getValue();
		int dot = value.lastIndexOf('.');
		String forged = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("1|e=" + Long.MAX_VALUE + "&p=%2Fnotes&a.info=Forged").getBytes(StandardCharsets.UTF_8));

		assertThatFlash(retrieve("/notes", forged + value.substring(dot))).isNull();
		assertThatFlash(retrieve("/notes", value.substring(0, dot) + ".AAAA" + value.substring(dot + 5))).isNull();
		assertThatFlash(retrieve("/notes", value)).containsEntry("info", "Note created.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage", ".", "a.b", "a.b.c", "%%%", "=;", "1|e=0&a.info=x" })
	void retrieveAndUpdateWhenCookieMalformedThenNoFlash(String value) {
		assertThatFlash(retrieve("/notes", value)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "!!not base64!!", "Mg", "MQ", "MXx4", "MXxlPWFiYw", "MXxhLmluZm89eA", "MXxlPTEmej0x" })
	void retrieveAndUpdateWhenSignedPayloadMalformedThenNoFlash(String payload) {
		// Mg = "2", MQ = "1", MXx4 = "1|x", MXxlPWFiYw = "1|e=abc",
		// MXxhLmluZm89eA = "1|a.info=x" (no expiry), MXxlPTEmej0x = "1|e=1&z=1"
		assertThatFlash(retrieve("/notes", this.signer.sign("flash", payload))).isNull();
	}

	@Test
	void retrieveAndUpdateWhenSignedForAnotherPurposeThenNoFlash() {
		Cookie cookie = redirectWithFlash("/notes", "info", "Note created.");
		String payload = cookie.getValue().substring(0, cookie.getValue().lastIndexOf('.'));

		assertThatFlash(retrieve("/notes", this.signer.sign("session", payload))).isNull();
	}

	@Test
	void retrieveAndUpdateWhenSignedByAnotherKeyThenNoFlash() {
		SignedCookieFlashMapManager other = new SignedCookieFlashMapManager(TokenSigner.random(), this.clock);
		MockHttpServletResponse response = new MockHttpServletResponse();
		FlashMap flashMap = flashMap("/notes", "info", "From elsewhere.");
		other.saveOutputFlashMap(flashMap, request("POST", "/notes"), response);

		assertThatFlash(retrieve("/notes", flashCookie(response).getValue())).isNull();
	}

	@Test
	void retrieveAndUpdateWhenCookieLargerThan4KbThenIgnoredEvenIfSigned() {
		String payload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("1|e=" + Long.MAX_VALUE + "&p=%2Fnotes&a.info=" + "x".repeat(4000))
				.getBytes(StandardCharsets.UTF_8));
		String signed = this.signer.sign("flash", payload);
		assertThat(signed.length()).isGreaterThan(4096);

		assertThatFlash(retrieve("/notes", signed)).isNull();
	}

	@Test
	void retrieveAndUpdateWhenCookieInvalidAndFlashSavedThenInvalidCookieReplaced() {
		MockHttpServletRequest request = request("POST", "/notes", new Cookie(COOKIE, "garbage"));

		MockHttpServletResponse response = saveFlash(request, "/notes", "info", "Saved.");

		assertThatFlash(retrieve("/notes", flashCookie(response).getValue())).containsEntry("info", "Saved.");
	}

	@Test
	void retrieveAndUpdateWhenTimeoutPassedThenNoFlash() {
		Cookie cookie = redirectWithFlash("/notes", "info", "Note created.");

		this.clock.advance(Duration.ofSeconds(181));

		assertThatFlash(retrieve("/notes", cookie.getValue())).isNull();
	}

	@Test
	void retrieveAndUpdateWhenWithinTimeoutThenFlash() {
		Cookie cookie = redirectWithFlash("/notes", "info", "Note created.");

		this.clock.advance(Duration.ofSeconds(179));

		assertThatFlash(retrieve("/notes", cookie.getValue())).containsEntry("info", "Note created.");
	}

	@Test
	void retrieveAndUpdateWhenCustomTimeoutPassedThenNoFlash() {
		this.manager.setFlashMapTimeout(10);
		MockHttpServletResponse response = saveFlash(request("POST", "/notes"), "/notes", "info", "Saved.");
		assertThat(flashCookie(response).getMaxAge()).isEqualTo(10);

		this.clock.advance(Duration.ofSeconds(11));

		assertThatFlash(retrieve("/notes", flashCookie(response).getValue())).isNull();
	}

	@Test
	void retrieveAndUpdateWhenClockFarFromSystemTimeThenExpiryFollowsClock() {
		// FlashMap.isExpired() reads the system clock; a clock years ahead of or behind
		// it must neither expire flash maps early nor keep them alive.
		MutableClock past = new MutableClock(Instant.parse("2001-01-01T00:00:00Z"));
		SignedCookieFlashMapManager manager = new SignedCookieFlashMapManager(this.signer, past);
		MockHttpServletResponse saved = new MockHttpServletResponse();
		manager.saveOutputFlashMap(flashMap("/notes", "info", "Old times."), request("POST", "/notes"), saved);
		Cookie cookie = toRequestCookie(flashCookie(saved));

		assertThatFlash(manager.retrieveAndUpdate(request("GET", "/notes", cookie), new MockHttpServletResponse()))
			.containsEntry("info", "Old times.");
		past.advance(Duration.ofSeconds(181));
		assertThatFlash(manager.retrieveAndUpdate(request("GET", "/notes", cookie), new MockHttpServletResponse()))
			.isNull();
	}

	@Test
	void saveOutputFlashMapWhenValuesAreNotStringsThenOnlyStringsKept() {
		FlashMap flashMap = flashMap("/notes", "info", "Saved.");
		flashMap.put("count", 3);
		flashMap.put("object", new Object());
		flashMap.put("missing", null);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.manager.saveOutputFlashMap(flashMap, request("POST", "/notes"), response);

		FlashMap flash = retrieve("/notes", flashCookie(response).getValue());

		assertThatFlash(flash).containsOnlyKeys("info").containsEntry("info", "Saved.");
	}

	@Test
	void saveOutputFlashMapWhenNoStringValuesThenNoCookie() {
		FlashMap flashMap = new FlashMap();
		flashMap.setTargetRequestPath("/notes");
		flashMap.put("count", 3);
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.manager.saveOutputFlashMap(flashMap, request("POST", "/notes"), response);

		assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
	}

	@Test
	void retrieveAndUpdateWhenMessageIsUnicodeThenSurvives() {
		String message = "Grüße ✓ 😀 δοκιμή — \"quoted\" & a=b | c; d, e % f + g\nnew line";
		Cookie cookie = redirectWithFlash("/notes", "info", message);

		assertThatFlash(retrieve("/notes", cookie.getValue())).containsEntry("info", message);
	}

	@Test
	void retrieveAndUpdateWhenAttributeNamesAndPathNeedEncodingThenSurvive() {
		FlashMap flashMap = flashMap("/caf\u00e9 & bar", "a.b=c&d|e", "");
		flashMap.put("", "empty name");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.manager.saveOutputFlashMap(flashMap, request("POST", "/notes"), response);

		MockHttpServletRequest request = request("GET", "/caf%C3%A9%20&%20bar",
				toRequestCookie(flashCookie(response)));
		// The base class decodes the request URI with the request's encoding.
		request.setCharacterEncoding("UTF-8");
		FlashMap flash = this.manager.retrieveAndUpdate(request, new MockHttpServletResponse());

		assertThatFlash(flash).containsEntry("a.b=c&d|e", "").containsEntry("", "empty name");
	}

	@Test
	void saveOutputFlashMapWhenCookieHoldsFlashForOtherPathThenBothKept() {
		Cookie first = redirectWithFlash("/a", "info", "For a.");
		MockHttpServletResponse second = saveFlash(request("POST", "/x", first), "/b", "info", "For b.");
		Cookie both = toRequestCookie(flashCookie(second));

		MockHttpServletResponse afterB = new MockHttpServletResponse();
		assertThatFlash(this.manager.retrieveAndUpdate(request("GET", "/b", both), afterB)).containsEntry("info",
				"For b.");
		Cookie onlyA = toRequestCookie(flashCookie(afterB));
		assertThat(onlyA.getValue()).isNotEmpty();
		assertThatFlash(retrieve("/b", onlyA.getValue())).isNull();
		assertThatFlash(retrieve("/a", onlyA.getValue())).containsEntry("info", "For a.");
	}

	@Test
	void saveOutputFlashMapWhenFlashConsumedInSameRequestThenConsumedFlashNotWrittenAgain() {
		Cookie cookie = redirectWithFlash("/a", "info", "For a.");
		MockHttpServletRequest request = request("POST", "/a", cookie);
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThatFlash(this.manager.retrieveAndUpdate(request, response)).containsEntry("info", "For a.");
		this.manager.saveOutputFlashMap(flashMap("/b", "info", "For b."), request, response);

		// The browser keeps the last of several cookies with the same name and path.
		String last = flashCookie(response).getValue();
		assertThatFlash(retrieve("/a", last)).isNull();
		assertThatFlash(retrieve("/b", last)).containsEntry("info", "For b.");
	}

	@Test
	void saveOutputFlashMapWhenNothingToKeepAfterCookieClearedThenCookieClearedOnce() {
		Cookie cookie = redirectWithFlash("/a", "info", "For a.");
		MockHttpServletRequest request = request("POST", "/a", cookie);
		MockHttpServletResponse response = new MockHttpServletResponse();
		FlashMap nothingToKeep = new FlashMap();
		nothingToKeep.setTargetRequestPath("/b");
		nothingToKeep.put("count", 3);

		assertThatFlash(this.manager.retrieveAndUpdate(request, response)).containsEntry("info", "For a.");
		this.manager.saveOutputFlashMap(nothingToKeep, request, response);

		assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).hasSize(1);
		assertThat(flashCookie(response).getMaxAge()).isZero();
	}

	@Test
	void saveOutputFlashMapWhenFlashTooLargeForCookieThenNotWritten() {
		MockHttpServletResponse response = saveFlash(request("POST", "/notes"), "/notes", "info", "x".repeat(5000));

		assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
	}

	@Test
	void saveOutputFlashMapWhenCookieWouldOverflowThenOldestFlashDropped() {
		Cookie first = redirectWithFlash("/a", "info", "a".repeat(1500));

		MockHttpServletResponse response = saveFlash(request("POST", "/x", first), "/b", "info", "b".repeat(1500));

		MockCookie cookie = flashCookie(response);
		assertThat(COOKIE.length() + 1 + cookie.getValue().length()).isLessThanOrEqualTo(4096);
		assertThatFlash(retrieve("/a", cookie.getValue())).isNull();
		assertThatFlash(retrieve("/b", cookie.getValue())).containsEntry("info", "b".repeat(1500));
	}

	@Test
	void setCookieNameThenCookieUsesName() {
		this.manager.setCookieName("app_flash");
		MockHttpServletResponse response = saveFlash(request("POST", "/notes"), "/notes", "info", "Saved.");
		MockCookie cookie = MockCookie.parse(response.getHeader(HttpHeaders.SET_COOKIE));
		assertThat(cookie.getName()).isEqualTo("app_flash");

		MockHttpServletRequest withDefaultName = request("GET", "/notes", new Cookie(COOKIE, cookie.getValue()));
		assertThatFlash(this.manager.retrieveAndUpdate(withDefaultName, new MockHttpServletResponse())).isNull();
		MockHttpServletRequest withName = request("GET", "/notes", new Cookie("app_flash", cookie.getValue()));
		assertThatFlash(this.manager.retrieveAndUpdate(withName, new MockHttpServletResponse())).containsEntry("info",
				"Saved.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "bad name", "bad;name", "bad=name" })
	void setCookieNameWhenInvalidThenRejected(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.setCookieName(name));
	}

	@Test
	void retrieveAndUpdateWhenNoCookieThenNoFlashAndNoCookieWritten() {
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThatFlash(this.manager.retrieveAndUpdate(request("GET", "/notes"), response)).isNull();
		assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
	}

	// FlashMap is both a Map and Comparable, which makes assertThat ambiguous.
	private static MapAssert<String, Object> assertThatFlash(FlashMap flash) {
		return assertThat((Map<String, Object>) flash);
	}

	private Cookie redirectWithFlash(String targetPath, String name, String message) {
		MockHttpServletResponse response = saveFlash(request("POST", "/form"), targetPath, name, message);
		return toRequestCookie(flashCookie(response));
	}

	private MockHttpServletResponse saveFlash(MockHttpServletRequest request, String targetPath, String name,
			String message) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.manager.saveOutputFlashMap(flashMap(targetPath, name, message), request, response);
		return response;
	}

	private FlashMap retrieve(String path, String cookieValue) {
		MockHttpServletRequest request = request("GET", path, new Cookie(COOKIE, cookieValue));
		return this.manager.retrieveAndUpdate(request, new MockHttpServletResponse());
	}

	private MockHttpServletRequest request(String method, String path, Cookie... cookies) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (cookies.length > 0) {
			request.setCookies(cookies);
		}
		this.requests.add(request);
		return request;
	}

	private static FlashMap flashMap(String targetPath, String name, String message) {
		FlashMap flashMap = new FlashMap();
		flashMap.setTargetRequestPath(targetPath);
		flashMap.put(name, message);
		return flashMap;
	}

	// The last Set-Cookie for the flash cookie, as the browser would keep it.
	private static MockCookie flashCookie(MockHttpServletResponse response) {
		List<String> headers = response.getHeaders(HttpHeaders.SET_COOKIE)
			.stream()
			.filter((header) -> header.startsWith(COOKIE + "="))
			.toList();
		assertThat(headers).isNotEmpty();
		return MockCookie.parse(headers.get(headers.size() - 1));
	}

	private static Cookie toRequestCookie(MockCookie cookie) {
		return new Cookie(cookie.getName(), cookie.getValue());
	}

	private static final class MutableClock extends Clock {

		private Instant instant;

		MutableClock(Instant instant) {
			this.instant = instant;
		}

		void advance(Duration duration) {
			this.instant = this.instant.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.instant;
		}

	}

}
