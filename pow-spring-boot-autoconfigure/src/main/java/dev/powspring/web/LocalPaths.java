package dev.powspring.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decides whether a redirect target, such as a {@code request_path} parameter, is a
 * path on this origin. Anything that could make a browser, proxy or server leave the
 * origin is refused, which prevents open redirects.
 * <p>
 * A path is safe when all of the following hold:
 * <ul>
 * <li>it is at most 2048 characters long and starts with a single {@code '/'};</li>
 * <li>it consists of printable ASCII only, without a backslash (a request URI is
 * percent-encoded, so nothing else belongs there);</li>
 * <li>its percent-encoding is well-formed and decodes, once, to valid UTF-8;</li>
 * <li>decoded, it contains no control character and no backslash, and its path part
 * (before {@code '?'} or {@code '#'}) contains no whitespace or invisible formatting
 * character;</li>
 * <li>its decoded path part does not start with {@code "//"}, before or after
 * removing {@code "."} and {@code ".."} segments.</li>
 * </ul>
 * The decoded checks guard against components that decode a path before using it.
 * Spaces stay allowed in the query, where {@code q=a%20b} is ordinary.
 */
public final class LocalPaths {

	private static final int MAX_LENGTH = 2048;

	private static final String ROOT = "/";

	private LocalPaths() {
	}

	/**
	 * Tell whether the given path is a safe local redirect target.
	 * @param path the candidate path, may be {@code null}
	 * @return {@code true} if the path stays on this origin; {@code false} otherwise
	 */
	public static boolean isSafe(String path) {
		if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/'
				|| path.startsWith("//") || !isPrintableAsciiWithoutBackslash(path)) {
			return false;
		}
		int end = indexOfQueryOrFragment(path);
		String decodedPath = percentDecode(path.substring(0, end));
		String decodedRest = percentDecode(path.substring(end));
		if (decodedPath == null || decodedRest == null) {
			return false;
		}
		return isClean(decodedPath, true) && isClean(decodedRest, false) && !decodedPath.startsWith("//")
				&& !removeDotSegments(decodedPath).startsWith("//");
	}

	/**
	 * Return the given path if it is {@link #isSafe(String) safe}, otherwise the root
	 * path.
	 * @param path the candidate path, may be {@code null}
	 * @return {@code path} if it is safe; {@code "/"} otherwise
	 */
	public static String safeOrRoot(String path) {
		return isSafe(path) ? path : ROOT;
	}

	private static boolean isPrintableAsciiWithoutBackslash(String path) {
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c <= 0x20 || c >= 0x7F || c == '\\') {
				return false;
			}
		}
		return true;
	}

	private static int indexOfQueryOrFragment(String path) {
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '?' || c == '#') {
				return i;
			}
		}
		return path.length();
	}

	// Decodes %XX escapes only; unlike URLDecoder, '+' stays a plus sign as it does in
	// a path. Returns null for a malformed escape or bytes that are not UTF-8.
	private static String percentDecode(String encoded) {
		if (encoded.indexOf('%') < 0) {
			return encoded;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c != '%') {
				// Only ASCII gets here, so the char is its own byte.
				bytes.write(c);
				continue;
			}
			if (i + 2 >= encoded.length()) {
				return null;
			}
			int high = Character.digit(encoded.charAt(i + 1), 16);
			int low = Character.digit(encoded.charAt(i + 2), 16);
			if (high < 0 || low < 0) {
				return null;
			}
			bytes.write((high << 4) | low);
			i += 2;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static boolean isClean(String decoded, boolean pathPart) {
		return decoded.codePoints().noneMatch((c) -> c == '\\' || Character.isISOControl(c)
				|| (pathPart && (Character.isWhitespace(c) || Character.isSpaceChar(c)
						|| Character.getType(c) == Character.FORMAT)));
	}

	// RFC 3986 section 5.2.4, so that "/..//host" is seen as the "//host" a
	// normalizing component would make of it.
	private static String removeDotSegments(String path) {
		Deque<String> output = new ArrayDeque<>();
		String[] segments = path.substring(1).split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			boolean last = (i == segments.length - 1);
			if (segment.equals(".") || segment.equals("..")) {
				if (segment.equals("..") && !output.isEmpty()) {
					output.removeLast();
				}
				// A trailing dot segment still leaves the path ending in '/'.
				if (last) {
					output.addLast("");
				}
			}
			else {
				output.addLast(segment);
			}
		}
		return "/" + String.join("/", output);
	}

}
