package dev.powspring.web;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LocalPaths}.
 */
class LocalPathsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/notes", "/notes/", "/notes?page=2&q=a%20b", "/notes?q=a+b",
			"/registration/edit#x", "/a/b/../c", "/a/./b", "/a/..", "/%E2%9C%93", "/caf%C3%A9?q=%F0%9F%98%80",
			"/session/new?request_path=%2Fnotes", "/search?next=//evil.example", "/javascript:alert(1)",
			"/a:b@c", "/notes;jsessionid=x", "/%2E%2E/notes", "/~user/%25", "/a//b" })
	void isSafeWhenLocalPathThenTrue(String path) {
		assertThat(LocalPaths.isSafe(path)).isTrue();
		assertThat(LocalPaths.safeOrRoot(path)).isEqualTo(path);
	}

	@ParameterizedTest
	@MethodSource("unsafePaths")
	void isSafeWhenNotLocalThenFalse(String path) {
		assertThat(LocalPaths.isSafe(path)).isFalse();
		assertThat(LocalPaths.safeOrRoot(path)).isEqualTo("/");
	}

	static Stream<String> unsafePaths() {
		return Stream.of(
				// Not a path at all, or relative to the current path
				"", "relative", "notes/1", "?q=1", "#x", ".", "../notes",
				// Absolute and scheme-relative URLs
				"https://evil.example", "http:/evil.example", "javascript:alert(1)", "//evil.example",
				"///evil.example", "//evil.example/notes", "%2F%2Fevil.example", "%2F/evil.example",
				// Backslashes, which browsers treat like slashes
				"/\\evil.example", "\\\\evil.example", "\\/evil.example", "/%5Cevil.example", "/%5cevil.example",
				"/notes?next=%5C",
				// A second slash hidden by encoding or by dot segments
				"/%2F/evil.example", "/%2F%2Fevil.example", "/%2f%2fevil.example", "/..//evil.example",
				"/.//evil.example", "/a/..//evil.example", "/%2E%2E//evil.example", "/%2e//evil.example",
				// Whitespace and control characters, raw or encoded, which browsers strip
				" /x", "/x ", "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "\t//evil.example",
				"/%09/evil.example", "/%0A/evil.example", "/%20/evil.example", "/%00", "/%7F", "/%C2%85",
				"/%C2%A0/evil.example", "/%E2%80%8B/evil.example", "/%E2%80%AE", "/%0d%0aSet-Cookie:x=y",
				"/notes?x=%0d%0aSet-Cookie:x=y", "/notes#%0A", "/\u0000", "/\u007F",
				// Raw non-ASCII, which a percent-encoded request URI never holds
				"/\u00e9", "/\uFF0Fevil.example", "/\u2028",
				// Malformed percent-encoding or bytes that are not UTF-8
				"/%zz", "/%", "/%4", "/%G0", "/%FF", "/%C3", "/%C3%28", "/notes?q=%",
				// Too long
				"/" + "a".repeat(2048));
	}

	@Test
	void isSafeWhenNullThenFalse() {
		assertThat(LocalPaths.isSafe(null)).isFalse();
		assertThat(LocalPaths.safeOrRoot(null)).isEqualTo("/");
	}

	@Test
	void isSafeWhen2048CharactersThenTrue() {
		assertThat(LocalPaths.isSafe("/" + "a".repeat(2047))).isTrue();
	}

	@Test
	void isSafeWhen2049CharactersThenFalse() {
		assertThat(LocalPaths.isSafe("/" + "a".repeat(2048))).isFalse();
	}

	@Test
	void isSafeWhenDoubleEncodedSlashesThenTrueBecauseDecodedOnceTheyStayEncoded() {
		// Decoded once this is "/%2F%2Fevil.example", a single path segment.
		assertThat(LocalPaths.isSafe("/%252F%252Fevil.example")).isTrue();
	}

}
