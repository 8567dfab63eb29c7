package dev.powspring.benchmarks;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.powspring.password.Pbkdf2Sha512PasswordEncoder;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.user.PowUsersService;
import dev.powspring.user.UserParams;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times sign-in over HTTP on loopback, with Pow's default password hashing, for three
 * kinds of failing attempts measured alternately in one run: an unknown user, a known
 * user with a wrong password, and an attempt refused by throttling. The first two must be
 * within 10% of each other, or response times would tell which accounts exist.
 * <p>
 * Run with the command in {@code benchmarks/README.md}.
 */
public final class SignInTimingBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final int KNOWN_USERS = 100;

	private SignInTimingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 300;
		Path results = (args.length > 1) ? Path.of(args[1]) : null;
		try (TestSchema schema = PostgresTestDatabase.get().createSchema("SignInTimingBenchmark");
				ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
					.properties(schema.datasourcePropertyPairs())
					.properties("server.port=0", "logging.level.root=warn", "spring.jpa.open-in-view=false",
							"pow.secret-key=benchmark-secret-key-0123456789abcdef",
							// Known users fail a few times each; one account is locked out.
							"pow.throttle.sign-in-per-account.max=1000000",
							"pow.throttle.sign-in-per-address.max=1000000")
					.run()) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			PowUsersService users = context.getBean(PowUsersService.class);
			for (int i = 0; i < KNOWN_USERS; i++) {
				users.create(new UserParams("user" + i + "@example.com", "correct-horse-" + i, "correct-horse-" + i));
			}
			Client client = new Client(port);
			// Warm up the JIT and the connection pool.
			for (int i = 0; i < 50; i++) {
				client.signIn("nobody" + i + "@example.com", "wrong-password");
				client.signIn("user" + (i % KNOWN_USERS) + "@example.com", "wrong-password");
			}
			long[] unknown = new long[rounds];
			long[] known = new long[rounds];
			for (int i = 0; i < rounds; i++) {
				// Alternate, so drift on the machine affects both alike.
				unknown[i] = client.signIn("unknown" + i + "@example.com", "wrong-password");
				known[i] = client.signIn("user" + (i % KNOWN_USERS) + "@example.com", "wrong-password");
			}
			long[] throttled = throttled(schema, rounds);
			String report = report(rounds, unknown, known, throttled);
			System.out.println(report);
			if (results != null) {
				Files.writeString(results, report);
			}
		}
	}

	/**
	 * Times refused attempts in an application whose limit is one failure.
	 */
	private static long[] throttled(TestSchema schema, int rounds) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.properties(schema.datasourcePropertyPairs())
			.properties("server.port=0", "logging.level.root=warn", "spring.flyway.enabled=false",
					"pow.secret-key=benchmark-secret-key-0123456789abcdef", "pow.throttle.sign-in-per-account.max=1")
			.run()) {
			Client client = new Client(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
			client.signIn("user0@example.com", "wrong-password");
			for (int i = 0; i < 50; i++) {
				client.signIn("user0@example.com", "wrong-password");
			}
			long[] times = new long[rounds];
			for (int i = 0; i < rounds; i++) {
				times[i] = client.signIn("user0@example.com", "wrong-password");
			}
			return times;
		}
	}

	private static String report(int rounds, long[] unknown, long[] known, long[] throttled) {
		double unknownMedian = percentile(unknown, 50);
		double knownMedian = percentile(known, 50);
		double difference = Math.abs(unknownMedian - knownMedian) / knownMedian;
		StringBuilder report = new StringBuilder();
		report.append("Sign-in response time over loopback HTTP, ").append(rounds).append(" attempts each, ")
			.append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
			.append(System.getProperty("java.version")).append(", PBKDF2-SHA512 ")
			.append(Pbkdf2Sha512PasswordEncoder.DEFAULT_ITERATIONS)
			.append(" iterations\n\n");
		report.append("| Attempt | Median (ms) | 90th percentile (ms) | 99th percentile (ms) |\n|---|---|---|---|\n");
		row(report, "unknown user", unknown);
		row(report, "known user, wrong password", known);
		row(report, "refused by throttling", throttled);
		report.append(String.format("%nUnknown vs known user: medians differ by %.1f%% (target: within 10%%): %s%n",
				difference * 100, (difference <= 0.10) ? "met" : "MISSED"));
		return report.toString();
	}

	private static void row(StringBuilder report, String name, long[] nanos) {
		report.append(String.format("| %s | %.2f | %.2f | %.2f |%n", name, percentile(nanos, 50) / 1e6,
				percentile(nanos, 90) / 1e6, percentile(nanos, 99) / 1e6));
	}

	private static double percentile(long[] values, int percentile) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	/**
	 * A browser-like client: it fetches the form for its CSRF token once, then posts.
	 */
	private static final class Client {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final String base;

		private String csrf;

		Client(int port) throws Exception {
			this.base = "http://127.0.0.1:" + port;
			String form = this.http
				.send(HttpRequest.newBuilder(URI.create(this.base + "/session/new")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher matcher = CSRF.matcher(form);
			if (!matcher.find()) {
				throw new IllegalStateException("No CSRF token on the sign-in page");
			}
			this.csrf = matcher.group(1);
		}

		long signIn(String email, String password) throws Exception {
			String body = form(Map.of("_csrf", this.csrf, "userId", email, "password", password));
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/session"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			long start = System.nanoTime();
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			long elapsed = System.nanoTime() - start;
			if (response.statusCode() != 200 && response.statusCode() != 429) {
				throw new IllegalStateException("Unexpected status " + response.statusCode());
			}
			return elapsed;
		}

		private static String form(Map<String, String> fields) {
			List<String> pairs = new ArrayList<>();
			fields.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(value, StandardCharsets.UTF_8)));
			return String.join("&", pairs);
		}

	}

}
