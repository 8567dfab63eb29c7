package dev.powspring.user;

/**
 * Checks whether a string is a plausible email address, following the rules of
 * Pow's email validation.
 * <p>
 * This is deliberately a format check only: it does not try to implement all of
 * RFC 5322, and it says nothing about whether the address can receive mail.
 */
public final class EmailFormat {

	private static final int MAX_LOCAL_PART_LENGTH = 64;

	private static final int MAX_DOMAIN_LENGTH = 255;

	private static final int MAX_LABEL_LENGTH = 63;

	// Specials allowed unquoted in the local part, besides letters, marks and digits.
	private static final String LOCAL_PART_SPECIALS = "!#$%&'*+-/=?^_`{|}~.";

	private EmailFormat() {
	}

	/**
	 * Tell whether the given string is a well-formed email address.
	 * @param email the candidate address, may be {@code null}
	 * @return {@code true} if the address is well-formed; {@code false} otherwise,
	 * including for {@code null} or blank input
	 */
	public static boolean isValid(String email) {
		if (email == null || email.isBlank()) {
			return false;
		}
		// The local part may itself contain '@' when quoted, so only the last one
		// can be trusted to separate it from the domain.
		int at = email.lastIndexOf('@');
		if (at < 0) {
			return false;
		}
		String localPart = email.substring(0, at);
		String domain = email.substring(at + 1);
		if (length(localPart) > MAX_LOCAL_PART_LENGTH || length(domain) > MAX_DOMAIN_LENGTH) {
			return false;
		}
		return isValidLocalPart(localPart) && isValidDomain(domain);
	}

	private static boolean isValidLocalPart(String localPart) {
		if (localPart.isEmpty()) {
			return false;
		}
		// Inside quotes almost anything goes (even "john..doe"), so a fully quoted
		// local part is taken as it is rather than checked character by character.
		if (isFullyQuoted(localPart)) {
			return true;
		}
		String stripped = stripComments(localPart);
		if (stripped.isEmpty() || stripped.contains("..") || stripped.startsWith(".")
				|| stripped.endsWith(".")) {
			return false;
		}
		// Any parenthesis left over belonged to a comment in the middle, which is
		// rejected here along with every other disallowed character.
		return stripped.codePoints().allMatch(EmailFormat::isLocalPartCharacter);
	}

	private static boolean isFullyQuoted(String localPart) {
		// Opening and closing quote with at least one character and no quote in between.
		return localPart.length() > 2 && localPart.charAt(0) == '"'
				&& localPart.charAt(localPart.length() - 1) == '"'
				&& localPart.indexOf('"', 1) == localPart.length() - 1;
	}

	// Comments are only allowed at either end of the local part; drop them there
	// and leave anything else untouched so the character check can reject it.
	private static String stripComments(String localPart) {
		String result = localPart;
		if (result.startsWith("(")) {
			int close = result.indexOf(')');
			if (close > 0) {
				result = result.substring(close + 1);
			}
		}
		if (result.endsWith(")")) {
			// The trailing comment opens at the first '(' after any earlier ')'.
			int previousClose = result.lastIndexOf(')', result.length() - 2);
			int open = result.indexOf('(', previousClose + 1);
			if (open >= 0 && open < result.length() - 1) {
				result = result.substring(0, open);
			}
		}
		return result;
	}

	private static boolean isLocalPartCharacter(int codePoint) {
		return isLetterOrMark(codePoint) || isAsciiDigit(codePoint)
				|| (codePoint < 128 && LOCAL_PART_SPECIALS.indexOf(codePoint) >= 0);
	}

	private static boolean isValidDomain(String domain) {
		// IP literals and comments are legal in RFC 5322 but not something we want
		// to store as a user's address.
		if (domain.startsWith("[") || domain.indexOf('(') >= 0 || domain.indexOf(')') >= 0) {
			return false;
		}
		// A negative limit keeps trailing empty labels, so "example." fails below.
		String[] labels = domain.split("\\.", -1);
		for (String label : labels) {
			if (!isValidLabel(label)) {
				return false;
			}
		}
		// An all-digit top-level label would make the domain look like an IP address.
		String topLevel = labels[labels.length - 1];
		return !topLevel.codePoints().allMatch(EmailFormat::isAsciiDigit);
	}

	private static boolean isValidLabel(String label) {
		int length = length(label);
		if (length < 1 || length > MAX_LABEL_LENGTH || label.startsWith("-") || label.endsWith("-")) {
			return false;
		}
		return label.codePoints().allMatch((c) -> isLetterOrMark(c) || isAsciiDigit(c) || c == '-');
	}

	private static boolean isLetterOrMark(int codePoint) {
		if (Character.isLetter(codePoint)) {
			return true;
		}
		int type = Character.getType(codePoint);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	private static boolean isAsciiDigit(int codePoint) {
		return codePoint >= '0' && codePoint <= '9';
	}

	// Lengths are counted in code points so that letters outside the BMP count once.
	private static int length(String value) {
		return value.codePointCount(0, value.length());
	}

}
