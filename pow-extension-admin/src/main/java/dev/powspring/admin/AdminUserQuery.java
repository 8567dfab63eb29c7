package dev.powspring.admin;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of the console's user list: the users whose user id or email starts with the
 * search text, by creation, after a cursor.
 *
 * @param search the start of a user id or email, or blank for everyone
 * @param oldestFirst whether the oldest accounts come first, else the newest
 * @param after where the previous page ended, or {@code null} for the first page
 */
public record AdminUserQuery(String search, boolean oldestFirst, Cursor after) {

	/**
	 * A position in the list: the creation time and primary key of the last user shown, so
	 * the next page starts from an index lookup however deep it is.
	 *
	 * @param insertedAt the user's creation time
	 * @param id the user's primary key
	 */
	public record Cursor(Instant insertedAt, long id) {

		private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})\\.(\\d{9})_(\\d{1,18})");

		/**
		 * Read a cursor from a link.
		 * @param text the cursor as {@link #toString()} writes it
		 * @return the cursor, or empty when the text is not one
		 */
		public static Optional<Cursor> parse(String text) {
			Matcher matcher = FORMAT.matcher(text);
			if (!matcher.matches()) {
				return Optional.empty();
			}
			Instant insertedAt = Instant.ofEpochSecond(Long.parseLong(matcher.group(1)),
					Long.parseLong(matcher.group(2)));
			return Optional.of(new Cursor(insertedAt, Long.parseLong(matcher.group(3))));
		}

		@Override
		public String toString() {
			return this.insertedAt.getEpochSecond() + "." + String.format("%09d", this.insertedAt.getNano()) + "_"
					+ this.id;
		}

	}

}
