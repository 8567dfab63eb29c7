package dev.powspring.admin;

import java.util.ArrayList;
import java.util.List;

import dev.powspring.test.web.Browser;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user list over 10,000 users, walked page by page through its links as an admin
 * would: every user shows exactly once, in creation order (ties broken by key), in both
 * directions; a search finds users by the start of their user id, case-insensitively,
 * with its pages keeping the search, and takes {@code %} and {@code _} literally.
 */
class AdminSearchAndPaginationTests extends AdminTestSupport {

	private static final int USERS = 10_000;

	private Browser boss;

	@BeforeEach
	void tenThousandUsers() {
		this.boss = signedIn("boss@example.com");
		// Three users share each creation time, so pages must break ties by key.
		this.jdbc.sql("""
				INSERT INTO users (email, inserted_at, updated_at, roles)
				SELECT 'user-' || lpad(n::text, 5, '0') || '@example.com',
				       TIMESTAMPTZ '2026-01-01 00:00:00+00' + (n / 3) * INTERVAL '1 second',
				       TIMESTAMPTZ '2026-01-01 00:00:00+00', 'user'
				FROM generate_series(1, :count) AS n
				""").param("count", USERS).update();
	}

	@Test
	void newestFirstThenEveryUserOnceInCreationOrder() {
		List<Long> shown = walk("/admin/users");

		assertThat(shown).hasSize(USERS + 1).doesNotHaveDuplicates();
		assertThat(shown).containsExactlyElementsOf(this.jdbc
			.sql("SELECT id FROM users ORDER BY inserted_at DESC, id DESC")
			.query(Long.class)
			.list());
	}

	@Test
	void oldestFirstThenEveryUserOnceInCreationOrder() {
		List<Long> shown = walk("/admin/users?order=oldest");

		assertThat(shown).containsExactlyElementsOf(this.jdbc
			.sql("SELECT id FROM users ORDER BY inserted_at, id")
			.query(Long.class)
			.list());
	}

	@Test
	void searchThenUsersWhoseUserIdStartsWithItAcrossPages() {
		List<Long> shown = walk("/admin/users?q=user-01");

		assertThat(shown).hasSize(1000).doesNotHaveDuplicates();
		assertThat(shown).containsExactlyElementsOf(this.jdbc
			.sql("SELECT id FROM users WHERE email LIKE 'user-01%' ORDER BY inserted_at DESC, id DESC")
			.query(Long.class)
			.list());
	}

	@Test
	void searchThenCaseAndSurroundingSpacesDoNotMatter() {
		assertThat(userIds("/admin/users?q=user-0042")).hasSize(10)
			.allSatisfy((userId) -> assertThat(userId).startsWith("user-0042"));
		assertThat(userIds("/admin/users?q=+USER-0042+")).isEqualTo(userIds("/admin/users?q=user-0042"));
		assertThat(userIds("/admin/users?q=user-10000%40example.com")).containsExactly("user-10000@example.com");
	}

	@Test
	void searchThenWildcardsAreLiteral() {
		Browser.Page underscore = this.boss.get("/admin/users?q=user_0");
		Browser.Page percent = this.boss.get("/admin/users?q=%25");

		assertThat(underscore.document().select("tr[data-test=user]")).isEmpty();
		assertThat(underscore.text(".pow-hint")).isEqualTo("No user matches.");
		assertThat(percent.document().select("tr[data-test=user]")).isEmpty();
	}

	@Test
	void laterPageThenItLinksBackToTheFirst() {
		Browser.Page first = this.boss.get("/admin/users?q=user-0");
		assertThat(first.document().select("a[rel=first]")).isEmpty();

		Browser.Page second = this.boss.get(first.document().selectFirst("a[rel=next]").attr("href"));

		assertThat(second.document().selectFirst("a[rel=first]").attr("href")).isEqualTo("/admin/users?q=user-0");
		assertThat(second.document().select("tr[data-test=user]")).hasSize(50);
		assertThat(second.document().selectFirst("input[name=q]").val()).isEqualTo("user-0");
	}

	// Follow the "Next page" links to the end, collecting the users shown.
	private List<Long> walk(String path) {
		List<Long> shown = new ArrayList<>();
		String next = path;
		while (next != null) {
			Browser.Page page = this.boss.get(next);
			assertThat(page.status()).as(next).isEqualTo(200);
			page.document().select("tr[data-test=user]").forEach((row) -> shown.add(Long.valueOf(row.attr("data-id"))));
			Element link = page.document().selectFirst("a[rel=next]");
			next = (link != null) ? link.attr("href") : null;
		}
		return shown;
	}

	private List<String> userIds(String path) {
		return this.boss.get(path).document().select("tr[data-test=user] td:first-child a").eachText();
	}

}
