package dev.powspring.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.powspring.store.InMemoryPowStore;
import dev.powspring.store.PrincipalIndexedPowStore;
import dev.powspring.test.time.MutableClock;
import dev.powspring.throttle.ClientAddresses;
import dev.powspring.token.TokenSigner;
import dev.powspring.user.PowUser;
import dev.powspring.user.defaults.email.DefaultEmailUser;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The session manager against the in-memory store, one request at a time.
 */
class PowSessionManagerTests {

	private static final String FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

	private static final PowSessionManager.Settings SETTINGS = new PowSessionManager.Settings("pow_session",
			Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofHours(24));

	private final MutableClock clock = MutableClock.now();

	private final TokenSigner signer = TokenSigner.random();

	private CountingStore store;

	private PowSessionManager sessions;

	@BeforeEach
	void setUp() {
		this.store = new CountingStore(new InMemoryPowStore(this.clock));
		this.sessions = new PowSessionManager(this.store, this.signer, this.clock, SETTINGS);
	}

	@Test
	void resolveWhenSignatureBadThenAnonymousWithoutStoreLookup() {
		Cookie cookie = signIn(user(1L, "jane@example.com"));
		String forged = cookie.getValue().substring(0, cookie.getValue().lastIndexOf('.')) + ".AAAA";
		int reads = this.store.reads.get();

		assertThat(this.sessions.resolve(request(new Cookie("pow_session", forged)), new MockHttpServletResponse()))
			.isEmpty();
		assertThat(this.sessions.resolve(request(new Cookie("pow_session", "unsigned")), new MockHttpServletResponse()))
			.isEmpty();

		assertThat(this.store.reads.get()).isEqualTo(reads);
	}

	@Test
	void resolveWhenRotatedThenFingerprintAndMetadataKept() {
		Cookie cookie = signIn(user(1L, "jane@example.com"));
		String fingerprint = this.sessions.currentRecord(request(cookie)).orElseThrow().fingerprint();
		this.clock.advance(Duration.ofMinutes(15));
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThat(this.sessions.resolve(request(cookie), response)).isPresent();

		Cookie rotated = sessionCookie(response);
		assertThat(rotated.getValue()).isNotEqualTo(cookie.getValue());
		assertThat(this.sessions.currentRecord(request(rotated)).orElseThrow().fingerprint()).isEqualTo(fingerprint);
	}

	@Test
	void resolveWhenSharedUserCopyGoneThenAnonymousAndSessionDeleted() {
		Cookie cookie = signIn(user(1L, "jane@example.com"));
		this.store.delete(PowSessionManager.USERS, "1");

		assertThat(this.sessions.resolve(request(cookie), new MockHttpServletResponse())).isEmpty();
		assertThat(this.sessions.currentRecord(request(cookie))).isEmpty();
	}

	@Test
	void createWhenRequestHasASessionThenOldTokenStopsWorking() {
		Cookie old = signIn(user(1L, "jane@example.com"));
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.sessions.create(request(old), response, user(1L, "jane@example.com"));

		assertThat(this.sessions.resolve(request(old), new MockHttpServletResponse())).isEmpty();
		assertThat(this.sessions.resolve(request(sessionCookie(response)), new MockHttpServletResponse())).isPresent();
	}

	@Test
	void createWhenUserUpdatedThenEverySessionOfTheUserSeesTheNewCopy() {
		Cookie laptop = signIn(user(1L, "jane@example.com"));
		Cookie phone = signIn(user(1L, "jane@example.com"));

		this.sessions.create(request(laptop), new MockHttpServletResponse(), user(1L, "jane.new@example.com"));

		assertThat(this.sessions.resolve(request(phone), new MockHttpServletResponse())).get()
			.extracting(PowUser::getUserId)
			.isEqualTo("jane.new@example.com");
	}

	@Test
	void deleteAllThenEverySessionOfTheUserEndsAndOthersStay() {
		Cookie laptop = signIn(user(1L, "jane@example.com"));
		Cookie phone = signIn(user(1L, "jane@example.com"));
		Cookie someoneElse = signIn(user(2L, "joe@example.com"));

		this.sessions.deleteAll(1L);

		assertThat(this.sessions.resolve(request(laptop), new MockHttpServletResponse())).isEmpty();
		assertThat(this.sessions.resolve(request(phone), new MockHttpServletResponse())).isEmpty();
		assertThat(this.sessions.resolve(request(someoneElse), new MockHttpServletResponse())).isPresent();
	}

	@Test
	void createWhenAGuardRefusesThenNoSessionAndNoCookie() {
		this.sessions.setSignInGuards(List.of((user) -> null,
				(user) -> user.getUserId().startsWith("blocked") ? "blocked" : null));
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThatExceptionOfType(SignInRefusedException.class)
			.isThrownBy(() -> this.sessions.create(new MockHttpServletRequest(), response, user(1L, "blocked@example.com")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("blocked"));

		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(this.store.get(PowSessionManager.USERS, "1", PowUser.class)).isEmpty();
		assertThat(signIn(user(2L, "jane@example.com")).getValue()).isNotBlank();
	}

	@Test
	void createWhenAGuardDependsOnTheMethodThenOnlyAMultiFactorSignInPasses() {
		List<SignInAttempt> attempts = new java.util.ArrayList<>();
		this.sessions.setSignInGuards(List.of(new PowSignInGuard() {

			@Override
			public String refusal(PowUser user) {
				return "second_factor";
			}

			@Override
			public String refusal(PowUser user, SignInAttempt attempt) {
				attempts.add(attempt);
				return (attempt.method().multiFactor() || attempt.reissue()) ? null : "second_factor";
			}

		}));
		MockHttpServletRequest passwordRequest = new MockHttpServletRequest();

		assertThatExceptionOfType(SignInRefusedException.class).isThrownBy(
				() -> this.sessions.create(passwordRequest, new MockHttpServletResponse(), user(1L, "jane@example.com")));
		assertThat(PowSessionManager.newSignInDuring(passwordRequest)).isEmpty();

		MockHttpServletRequest passkeyRequest = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.sessions.create(passkeyRequest, response, user(1L, "jane@example.com"), SignInMethod.PASSKEY);
		assertThat(PowSessionManager.newSignInDuring(passkeyRequest)).contains(SignInMethod.PASSKEY);

		MockHttpServletRequest updateRequest = request(sessionCookie(response));
		this.sessions.create(updateRequest, new MockHttpServletResponse(), user(1L, "jane@example.com"));
		assertThat(PowSessionManager.newSignInDuring(updateRequest)).as("a re-issued token is no new sign-in").isEmpty();

		assertThat(attempts).extracting(SignInAttempt::method)
			.containsExactly(SignInMethod.PASSWORD, SignInMethod.PASSKEY, SignInMethod.PASSWORD);
		assertThat(attempts).extracting(SignInAttempt::reissue).containsExactly(false, false, true);
		assertThat(attempts).extracting(SignInAttempt::request)
			.containsExactly(passwordRequest, passkeyRequest, updateRequest);
		assertThat(this.sessions.signInRefusal(user(1L, "jane@example.com"))).contains("second_factor");
		assertThat(this.sessions.signInRefusal(user(1L, "jane@example.com"),
				SignInAttempt.of(SignInMethod.PASSWORD.withSecondFactor(), null)))
			.isEmpty();
	}

	@Test
	void createRecordsWhereFromAndHowTheUserSignedIn() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("203.0.113.7");
		request.addHeader("User-Agent", FIREFOX_ON_LINUX);
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.sessions.create(request, response, user(1L, "jane@example.com"), SignInMethod.PASSKEY);

		Map<String, String> metadata = this.sessions.currentRecord(request(sessionCookie(response)))
			.orElseThrow()
			.metadata();
		assertThat(metadata).containsEntry(SessionMetadata.CLIENT_ADDRESS, "203.0.113.7")
			.containsEntry(SessionMetadata.USER_AGENT, FIREFOX_ON_LINUX)
			.containsEntry(SessionMetadata.BROWSER, "Firefox")
			.containsEntry(SessionMetadata.OS, "Linux")
			.containsEntry(SessionMetadata.METHOD, "passkey")
			.containsEntry(SessionMetadata.SIGNED_IN_AT, this.clock.instant().toString())
			.containsEntry(SessionMetadata.LAST_SEEN_AT, this.clock.instant().toString());
	}

	@Test
	void metadataWhenRotatedOrReissuedThenSignInKeptAndLastSeenMovesOnlyAtRotation() {
		Cookie cookie = signIn(user(1L, "jane@example.com"));
		String signedInAt = this.clock.instant().toString();
		this.clock.advance(Duration.ofMinutes(5));
		MockHttpServletRequest update = request(cookie);
		update.addHeader("User-Agent", FIREFOX_ON_LINUX);
		MockHttpServletResponse reissued = new MockHttpServletResponse();
		this.sessions.create(update, reissued, user(1L, "jane@example.com"));
		Cookie current = sessionCookie(reissued);
		assertThat(this.sessions.currentRecord(request(current)).orElseThrow().metadata())
			.as("an account update is no new sign-in")
			.containsEntry(SessionMetadata.SIGNED_IN_AT, signedInAt)
			.containsEntry(SessionMetadata.BROWSER, "Other");

		this.clock.advance(Duration.ofMinutes(15));
		MockHttpServletResponse rotation = new MockHttpServletResponse();
		assertThat(this.sessions.resolve(request(current), rotation)).isPresent();

		assertThat(this.sessions.currentRecord(request(sessionCookie(rotation))).orElseThrow().metadata())
			.containsEntry(SessionMetadata.SIGNED_IN_AT, signedInAt)
			.containsEntry(SessionMetadata.LAST_SEEN_AT, this.clock.instant().toString());
	}

	@Test
	void createWhenRestoredWithKeptMetadataThenPowKeysAnewAndContributorsAndProxyHeaderApplied() {
		this.sessions.setClientAddresses(new ClientAddresses("X-Forwarded-For"));
		this.sessions.setMetadataContributors(List.of((request, user, metadata) -> metadata.put("tenant",
				request.getHeader("X-Tenant"))));
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-Forwarded-For", "198.51.100.4, 10.0.0.1");
		request.addHeader("X-Tenant", "acme");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.sessions.create(request, response, user(1L, "jane@example.com"), "fingerprint",
				Map.of(SessionMetadata.METHOD, "password", SessionMetadata.CLIENT_ADDRESS, "192.0.2.1", "device_name",
						"Work laptop"),
				SignInMethod.REMEMBER_ME);

		assertThat(this.sessions.currentRecord(request(sessionCookie(response))).orElseThrow().metadata())
			.containsEntry(SessionMetadata.METHOD, "remember_me")
			.containsEntry(SessionMetadata.CLIENT_ADDRESS, "198.51.100.4")
			.containsEntry("device_name", "Work laptop")
			.containsEntry("tenant", "acme");
	}

	@Test
	void createWritesAHardenedSessionCookieAndSecureOverHttps() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(true);
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.sessions.create(request, response, user(1L, "jane@example.com"));

		assertThat(response.getHeader("Set-Cookie")).startsWith("__Host-pow_session=")
			.contains("Path=/")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.contains("Secure")
			.doesNotContain("Max-Age");
	}

	private Cookie signIn(PowUser user) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.sessions.create(new MockHttpServletRequest(), response, user);
		return sessionCookie(response);
	}

	private static Cookie sessionCookie(MockHttpServletResponse response) {
		List<String> headers = response.getHeaders("Set-Cookie");
		String header = headers.stream()
			.filter((value) -> value.startsWith("pow_session="))
			.reduce((first, last) -> last)
			.orElseThrow();
		return new Cookie("pow_session", header.substring("pow_session=".length(), header.indexOf(';')));
	}

	private static MockHttpServletRequest request(Cookie cookie) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(cookie);
		return request;
	}

	private static PowUser user(Long id, String email) {
		DefaultEmailUser user = new DefaultEmailUser();
		ReflectionTestUtils.setField(user, "id", id);
		user.setUserId(email);
		return user;
	}

	/**
	 * Counts reads, to show which requests never reach the store.
	 */
	static final class CountingStore implements PrincipalIndexedPowStore {

		private final InMemoryPowStore delegate;

		private final AtomicInteger reads = new AtomicInteger();

		CountingStore(InMemoryPowStore delegate) {
			this.delegate = delegate;
		}

		@Override
		public void put(String namespace, String key, Object value, Duration ttl) {
			this.delegate.put(namespace, key, value, ttl);
		}

		@Override
		public void put(String namespace, String key, Object value, Duration ttl, String principal) {
			this.delegate.put(namespace, key, value, ttl, principal);
		}

		@Override
		public <T> Optional<T> get(String namespace, String key, Class<T> type) {
			this.reads.incrementAndGet();
			return this.delegate.get(namespace, key, type);
		}

		@Override
		public boolean delete(String namespace, String key) {
			return this.delegate.delete(namespace, key);
		}

		@Override
		public boolean putIfAbsent(String namespace, String key, Object value, Duration ttl) {
			return this.delegate.putIfAbsent(namespace, key, value, ttl);
		}

		@Override
		public Set<String> findKeysByPrincipal(String namespace, String principal) {
			return this.delegate.findKeysByPrincipal(namespace, principal);
		}

	}

}
