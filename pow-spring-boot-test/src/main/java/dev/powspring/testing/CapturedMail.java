package dev.powspring.testing;

import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.powspring.mail.PowMail;

/**
 * A mail Pow sent during a test.
 *
 * @param mail the mail, with its text, HTML and what it was rendered from
 */
public record CapturedMail(PowMail mail) {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	public String to() {
		return this.mail.to();
	}

	public String subject() {
		return this.mail.subject();
	}

	public String text() {
		return this.mail.text();
	}

	/**
	 * Return the links in the mail's text.
	 * @return the absolute URLs, in order
	 */
	public List<String> links() {
		Matcher matcher = LINK.matcher(this.mail.text());
		return matcher.results().map(MatchResult::group).toList();
	}

	/**
	 * Return the path (and query) of the first link whose path starts with the prefix, to
	 * request from the application under test.
	 * @param pathPrefix such as {@code /reset-password/}
	 * @return the path, such as {@code /reset-password/TOKEN/edit}
	 * @throws AssertionError when the mail has no such link
	 */
	public String path(String pathPrefix) {
		return links().stream()
			.map(CapturedMail::pathOf)
			.filter((path) -> path.startsWith(pathPrefix))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No link to " + pathPrefix + " in the mail to " + to() + " '"
					+ subject() + "':\n" + text()));
	}

	/**
	 * Return the link Pow rendered the mail for (the reset, confirmation or invitation
	 * link), when it has one.
	 * @return the link
	 */
	public Optional<String> link() {
		return Optional.ofNullable(this.mail.assigns()).map(PowMail.Assigns::link);
	}

	private static String pathOf(String url) {
		int start = url.indexOf('/', url.indexOf("://") + 3);
		return (start < 0) ? "/" : url.substring(start);
	}

}
