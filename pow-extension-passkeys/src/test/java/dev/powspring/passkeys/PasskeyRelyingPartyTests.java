package dev.powspring.passkeys;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the RP ID and origins come from: properties, else {@code pow.base-url}, else a
 * trusted request's host.
 */
class PasskeyRelyingPartyTests {

	@Test
	void baseUrlThenItsHostAndOrigin() {
		PasskeyRelyingParty party = new PasskeyRelyingParty(null, null, List.of(), "https://notes.example/", List.of());
		PasskeyRelyingParty.Settings settings = party.resolve(request("evil.example", 80)).orElseThrow();
		assertThat(settings.id()).isEqualTo("notes.example");
		assertThat(settings.name()).isEqualTo("notes.example");
		assertThat(settings.origins()).containsExactly("https://notes.example");
	}

	@Test
	void propertiesWinOverTheBaseUrl() {
		PasskeyRelyingParty party = new PasskeyRelyingParty("example.com", "Notes",
				List.of("https://www.example.com/", "https://app.example.com"), "https://notes.example", List.of());
		PasskeyRelyingParty.Settings settings = party.resolve(request("localhost", 8080)).orElseThrow();
		assertThat(settings.id()).isEqualTo("example.com");
		assertThat(settings.name()).isEqualTo("Notes");
		assertThat(settings.origins()).isEqualTo(Set.of("https://www.example.com", "https://app.example.com"));
	}

	@Test
	void nothingConfiguredThenLoopbackRequestsOnly() {
		PasskeyRelyingParty party = new PasskeyRelyingParty(null, null, List.of(), null, List.of("intranet.example"));
		assertThat(party.fromRequests()).isTrue();
		PasskeyRelyingParty.Settings local = party.resolve(request("localhost", 8080)).orElseThrow();
		assertThat(local.id()).isEqualTo("localhost");
		assertThat(local.origins()).containsExactly("http://localhost:8080");
		assertThat(party.resolve(request("127.0.0.1", 80)).orElseThrow().origins()).containsExactly("http://127.0.0.1");
		assertThat(party.resolve(request("intranet.example", 80))).isPresent();
		assertThat(party.resolve(request("evil.example", 80))).isEmpty();
	}

	private static MockHttpServletRequest request(String host, int port) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/session/passkey/options");
		request.setServerName(host);
		request.setServerPort(port);
		return request;
	}

}
