package dev.powspring.benchmarks;

import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.powspring.admin.AdminUser;
import dev.powspring.admin.AdminUserDirectory;
import dev.powspring.admin.AdminUserPage;
import dev.powspring.admin.AdminUserQuery;
import dev.powspring.password.PowPasswordEncoder;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of the admin console's user list with a million users, from PostgreSQL on
 * loopback: whether the list stays as cheap on a large table as on a small one.
 * <p>
 * The list pages by key, through the index on ({@code inserted_at}, {@code id}) that the
 * admin module's migration adds, so a page half-way down should cost what the first one
 * does: {@code firstPage} and {@code oldestFirst} are the first page newest and oldest
 * first, {@code deepPage} the page after the 500,000th user, newest first (page 10,001;
 * that user was created in the same instant as the next, so the cursor's tie-break on the
 * id is part of it). The search matches the start of the email address:
 * {@code searchFew} looks for {@code user-4242}, which 111 users match, and
 * {@code searchMany} for {@code user-1}, which 111,112 users match, spread over the whole
 * list (see {@link UserTableSeed}).
 * <p>
 * Each trial fills a schema of its own and prints PostgreSQL's plan of the query it
 * measures ({@link QueryPlan}), which shows whether an index serves it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AdminUserListBenchmark {

	private static final int USERS = 1_000_000;

	private static final int PAGE_SIZE = 50;

	/** Which page of the list. */
	@Param({ "firstPage", "deepPage", "oldestFirst", "searchFew", "searchMany" })
	public String page;

	private TestSchema schema;

	private ConfigurableApplicationContext context;

	private AdminUserDirectory directory;

	private AdminUserQuery query;

	@Setup
	public void seed() {
		this.schema = PostgresTestDatabase.get().createSchema("AdminUserListBenchmark");
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.properties(this.schema.datasourcePropertyPairs())
			.properties("spring.main.web-application-type=none", "logging.level.root=warn",
					"spring.jpa.open-in-view=false", "pow.secret-key=benchmark-secret-key-0123456789abcdef")
			.run();
		try {
			JdbcClient jdbc = this.context.getBean(JdbcClient.class);
			UserTableSeed.insert(jdbc, USERS, this.context.getBean(PowPasswordEncoder.class).encode("secret1234"));
			this.directory = directory(jdbc);
			this.query = query(jdbc);
			check(this.directory.find(this.query));
			System.out.println(QueryPlan.explain(this.context.getBean(DataSource.class),
					(client) -> directory(client).find(this.query)));
		}
		catch (RuntimeException ex) {
			// JMH skips the tear-down of a failed set-up: drop the million users here.
			stop();
			throw ex;
		}
	}

	// What the console's auto-configuration makes for users who sign in by email, without
	// the session counts and confirmation dates, which need more than the users table.
	private static AdminUserDirectory directory(JdbcClient jdbc) {
		return new AdminUserDirectory(jdbc, "email", false, PAGE_SIZE);
	}

	private AdminUserQuery query(JdbcClient jdbc) {
		return switch (this.page) {
			case "firstPage" -> new AdminUserQuery(null, false, null);
			case "deepPage" -> new AdminUserQuery(null, false, cursorAt(jdbc, USERS / 2));
			case "oldestFirst" -> new AdminUserQuery(null, true, null);
			case "searchFew" -> new AdminUserQuery("user-4242", false, null);
			case "searchMany" -> new AdminUserQuery("user-1", false, null);
			default -> throw new IllegalArgumentException("No such page: " + this.page);
		};
	}

	// The cursor of the user at a position of the list, newest first: where the console's
	// page after theirs starts.
	private static AdminUserQuery.Cursor cursorAt(JdbcClient jdbc, int position) {
		return jdbc.sql("SELECT inserted_at, id FROM users ORDER BY inserted_at DESC, id DESC OFFSET :before LIMIT 1")
			.param("before", position - 1)
			.query((row, number) -> new AdminUserQuery.Cursor(
					row.getObject("inserted_at", OffsetDateTime.class).toInstant(), row.getLong("id")))
			.single();
	}

	// A full page that matches the search, and after the cursor first the user created in
	// the cursor's instant: what is measured is the page wanted.
	private void check(AdminUserPage found) {
		String search = (this.query.search() != null) ? this.query.search() : "";
		boolean tieFound = this.query.after() == null
				|| found.users().get(0).insertedAt().equals(this.query.after().insertedAt());
		if (found.users().size() != PAGE_SIZE || found.next() == null || !tieFound
				|| !found.users().stream().map(AdminUser::userId).allMatch((userId) -> userId.startsWith(search))) {
			throw new IllegalStateException("Not the page wanted for " + this.page + ": " + found);
		}
	}

	@Benchmark
	public AdminUserPage find() {
		return this.directory.find(this.query);
	}

	@TearDown
	public void stop() {
		this.context.close();
		this.schema.close();
	}

}
