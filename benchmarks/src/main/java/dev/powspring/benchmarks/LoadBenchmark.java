package dev.powspring.benchmarks;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import dev.powspring.benchmarks.PageRun.Cpu;
import dev.powspring.password.PasswordAlgorithm;
import dev.powspring.password.Pbkdf2Sha512PasswordEncoder;
import dev.powspring.password.PowPasswordEncoder;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.redis.RedisTestServer;
import dev.powspring.test.web.Browser;

import static dev.powspring.benchmarks.PageRun.cpuPerRequest;
import static dev.powspring.benchmarks.PageRun.loads;
import static dev.powspring.benchmarks.PageRun.measure;
import static dev.powspring.benchmarks.PageRun.median;
import static dev.powspring.benchmarks.PageRun.perSecond;

/**
 * Loads the sample application, running from its jar on PostgreSQL, with wrk over
 * loopback, once per store backend, and for JDBC and Redis once more with Pow's near cache
 * in front of the store:
 * <ul>
 * <li>public pages requested anonymously and protected pages requested with a valid
 * session, in turn, so that drift on the machine affects all alike: Pow's sign-in form
 * against its account form, two forms of Pow's own, though the account form is the larger
 * page; the sample application's home page requested both ways, where authentication
 * and the signed-in layout differ; and its home page against its notes page;</li>
 * <li>for each of them the CPU time the application, PostgreSQL and Redis used per
 * request, since all share this machine's cores;</li>
 * <li>successful sign-ins per second, alternately with the rate at which this machine
 * verifies Pow's default password hash on every core: the hash is the floor of a
 * sign-in, and everything else a sign-in does should add little to it.</li>
 * </ul>
 * Arguments: the sample application's jar, the seconds of one measurement, the number of
 * measured rounds, and a directory to write {@code load.md} (the figures) and
 * {@code load-targets.md} (one row per target) to.
 */
public final class LoadBenchmark {

	private static final String EMAIL = "load@example.com";

	private static final String PASSWORD = "quiet-harbor-lantern-42";

	// With the near cache, a shared store should serve a protected page almost as the
	// in-memory store does: the same target as memory.
	private static final List<Store> STORES = List.of(new Store("memory", "memory", false, 0.90),
			new Store("jdbc", "jdbc", false, 0.80), new Store("jdbc + near cache", "jdbc", true, 0.90),
			new Store("redis", "redis", false, 0.80), new Store("redis + near cache", "redis", true, 0.90));

	// Each pair: a page requested anonymously and one requested with a session cookie, or
	// with an API access token.
	private static final List<PagePair> PAIRS = List.of(
			new PagePair("Pow's forms", "/session/new", "/registration/edit", true, false),
			new PagePair("same page", "/", "/", true, false),
			new PagePair("sample app", "/", "/notes", false, false),
			new PagePair("JSON API", "/", "/api/v1/notes", false, true));

	private static final double SIGN_IN_TARGET = 0.95;

	private static final int WARM_UP_ROUNDS = 2;

	private final Path jar;

	private final int seconds;

	private final int rounds;

	private final int cores = Runtime.getRuntime().availableProcessors();

	// Rows of the summary table: target, measured, verdict.
	private final StringBuilder targets = new StringBuilder();

	private LoadBenchmark(Path jar, int seconds, int rounds) {
		this.jar = jar;
		this.seconds = seconds;
		this.rounds = rounds;
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		LoadBenchmark benchmark = new LoadBenchmark(jar, seconds, rounds);
		String report = benchmark.run();
		System.out.println(report);
		System.out.println(benchmark.targets);
		if (args.length > 3) {
			Files.writeString(Path.of(args[3], "load.md"), report);
			Files.writeString(Path.of(args[3], "load-targets.md"), benchmark.targets.toString());
		}
	}

	private String run() throws Exception {
		Wrk pages = new Wrk(1, 8, this.seconds);
		// A sign-in costs as much as hundreds of page views: longer runs, to count enough.
		Wrk signIns = new Wrk(1, 2 * this.cores, 2 * this.seconds);
		StringBuilder pageRows = new StringBuilder();
		StringBuilder pageRatios = new StringBuilder();
		StringBuilder signInRows = new StringBuilder();
		String startCommand = null;
		for (Store store : STORES) {
			try (TestSchema schema = PostgresTestDatabase.get().createSchema("LoadBenchmark");
					AppProcess app = AppProcess.start(this.jar, properties(schema, store),
							Files.createTempFile("pow-sample-" + store.type(), ".log"))) {
				startCommand = app.commandLine();
				String base = "http://127.0.0.1:" + app.port();
				String session = signedInCookies(app.port(), schema);
				Map<String, String> signedIn = Map.of("Cookie", session);
				Map<String, String> withToken = Map.of("Authorization", "Bearer " + accessToken(app.port()));

				Supplier<Cpu> cpu = PageRun.cpuMeter(app.pid());
				Map<PagePair, List<PageRun>> anonymousRuns = new LinkedHashMap<>();
				Map<PagePair, List<PageRun>> signedInRuns = new LinkedHashMap<>();
				for (PagePair pair : PAIRS) {
					anonymousRuns.put(pair, new ArrayList<>());
					signedInRuns.put(pair, new ArrayList<>());
				}
				// The first rounds warm up the JIT and the pools; their figures are dropped.
				for (int round = -WARM_UP_ROUNDS; round < this.rounds; round++) {
					for (PagePair pair : PAIRS) {
						PageRun anonymous = measure(pages, base + pair.publicPath(), Map.of(), cpu);
						PageRun authenticated = measure(pages, base + pair.protectedPath(),
								pair.token() ? withToken : signedIn, cpu);
						if (round >= 0) {
							anonymousRuns.get(pair).add(anonymous);
							signedInRuns.get(pair).add(authenticated);
						}
					}
				}
				requireStillSignedIn(app.port(), session);
				for (PagePair pair : PAIRS) {
					List<PageRun> publicRuns = anonymousRuns.get(pair);
					List<PageRun> protectedRuns = signedInRuns.get(pair);
					pageRow(pageRows, store.label(), pair.publicLabel(), publicRuns);
					pageRow(pageRows, store.label(), pair.protectedLabel(), protectedRuns);
					double ratio = perSecond(loads(protectedRuns)) / perSecond(loads(publicRuns));
					double appCpuRatio = cpuPerRequest(publicRuns, Cpu::app) / cpuPerRequest(protectedRuns, Cpu::app);
					double target = store.pageTarget();
					pageRatios.append(String.format("| %s | %s | %.3f | %.3f | %s |%n", store.label(), pair.name(),
							ratio,
							appCpuRatio,
							pair.targeted() ? String.format("at least %.2f: %s", target, verdict(ratio >= target))
									: "none: the pages differ in more than authentication"));
					if (pair.targeted()) {
						this.targets.append(String.format(
								"| protected/public throughput, %s store (%s) | at least %.2f | %.3f | %s |%n",
								store.label(),
								pair.name(), target, ratio, verdict(ratio >= target)));
					}
				}

				SignInForm form = signInForm(app.port());
				verifyRate(this.seconds);
				signIns.run(base + "/session", "POST", form.headers(), form.body());
				signIns.run(base + "/session", "POST", form.headers(), form.body());
				List<Wrk.Result> signInRuns = new ArrayList<>();
				List<Double> verifyRates = new ArrayList<>();
				for (int round = 0; round < this.rounds; round++) {
					verifyRates.add(verifyRate(signIns.seconds()));
					signInRuns.add(signIns.run(base + "/session", "POST", form.headers(), form.body()));
				}
				double verifies = verifyRates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
				double signInRatio = perSecond(signInRuns) / verifies;
				this.targets.append(String.format("| sign-ins/verifies, %s store | at least %.2f | %.3f | %s |%n",
						store.label(), SIGN_IN_TARGET, signInRatio, verdict(signInRatio >= SIGN_IN_TARGET)));
				signInRows.append(String.format("| %s | %.2f | %.2f | %.0f | %.3f |%n", store.label(),
						perSecond(signInRuns),
						verifies, median(signInRuns, Wrk.Result::p50), signInRatio));
			}
		}
		return report(pages, signIns, startCommand, pageRows, pageRatios, signInRows);
	}

	private Map<String, String> properties(TestSchema schema, Store store) {
		Map<String, Object> datasource = schema.datasourceProperties();
		Map<String, String> properties = new LinkedHashMap<>();
		for (String name : List.of("spring.datasource.url", "spring.datasource.username",
				"spring.datasource.password")) {
			properties.put(name, String.valueOf(datasource.get(name)));
		}
		// The sample's staff realm keeps its tables in a schema of its own: a fresh one per
		// run too, dropped with the run's schema, so that runs on different stores never
		// share its migration history.
		properties.put("pow.realms.staff.schema", schema.name() + "_staff");
		properties.put("pow.store.type", store.type());
		properties.put("pow.store.near-cache.enabled", String.valueOf(store.nearCache()));
		if (store.type().equals("redis")) {
			RedisTestServer redis = RedisTestServer.get();
			properties.put("spring.data.redis.host", redis.host());
			properties.put("spring.data.redis.port", String.valueOf(redis.port()));
			properties.put("pow.store.redis-key-prefix", "pow-load-" + UUID.randomUUID() + ":");
		}
		properties.put("pow.secret-key", "load-benchmark-secret-key-0123456789abcdef");
		properties.put("logging.level.root", "warn");
		return properties;
	}

	/**
	 * Register, confirm and sign in a user, and return the browser's cookies.
	 */
	private static String signedInCookies(int port, TestSchema schema) throws Exception {
		Browser browser = new Browser(port);
		Browser.Page registered = browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", EMAIL, "password", PASSWORD, "passwordConfirmation", PASSWORD));
		expect(registered, 302);
		// The sample application requires a confirmed email; the link is in a mail.
		try (Connection connection = schema.connect();
				PreparedStatement confirm = connection
					.prepareStatement("UPDATE users SET email_confirmed_at = now() WHERE email = ?")) {
			confirm.setString(1, EMAIL);
			if (confirm.executeUpdate() != 1) {
				throw new IllegalStateException("No registered user to confirm");
			}
		}
		expect(browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", EMAIL, "password", PASSWORD)), 302);
		String cookies = browser.cookieHeader();
		requireStillSignedIn(port, cookies);
		// The check must tell: without the session the page redirects to sign-in.
		expect(new Browser(port).get("/notes"), 302);
		return cookies;
	}

	/**
	 * Sign the registered user in over the API and return the access token; checked to
	 * sign a request in, so that every request wrk sends with it is.
	 */
	private static String accessToken(int port) {
		Browser client = new Browser(port);
		Browser.Page signedIn = client.postRaw("/api/v1/session",
				"user%5Bemail%5D=" + encode(EMAIL) + "&user%5Bpassword%5D=" + encode(PASSWORD));
		expect(signedIn, 200);
		String token = signedIn.body().replaceFirst("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
		expect(new Browser(port).header("Authorization", "Bearer " + token).get("/api/v1/notes"), 200);
		expect(new Browser(port).get("/api/v1/notes"), 401);
		return token;
	}

	private static void requireStillSignedIn(int port, String cookies) {
		Browser browser = new Browser(port);
		for (String cookie : cookies.split("; ")) {
			int equals = cookie.indexOf('=');
			browser.setCookie(cookie.substring(0, equals), cookie.substring(equals + 1));
		}
		expect(browser.get("/notes"), 200);
	}

	/**
	 * A sign-in form as a browser would post it, with its CSRF cookie and token: checked
	 * once here to sign in, so that every request wrk sends does.
	 */
	private static SignInForm signInForm(int port) {
		Browser browser = new Browser(port);
		Browser.Page page = browser.get("/session/new");
		String csrf = page.document().selectFirst("form.pow-form input[name=_csrf]").attr("value");
		Map<String, String> headers = Map.of("Cookie", browser.cookieHeader(), "Content-Type",
				"application/x-www-form-urlencoded");
		String body = "_csrf=" + encode(csrf) + "&userId=" + encode(EMAIL) + "&password=" + encode(PASSWORD);
		expect(browser.postRaw("/session", body), 302);
		return new SignInForm(headers, body);
	}

	/**
	 * Return how many of Pow's default password hashes this machine verifies per second
	 * with one thread per core.
	 */
	private double verifyRate(int forSeconds) throws Exception {
		PowPasswordEncoder encoder = new PowPasswordEncoder(PasswordAlgorithm.PBKDF2_SHA512,
				Pbkdf2Sha512PasswordEncoder.DEFAULT_ITERATIONS, 12);
		String hash = encoder.encode(PASSWORD);
		ExecutorService threads = Executors.newFixedThreadPool(this.cores);
		try {
			long start = System.nanoTime();
			long end = start + forSeconds * 1_000_000_000L;
			List<Future<Long>> counts = new ArrayList<>();
			for (int i = 0; i < this.cores; i++) {
				counts.add(threads.submit(() -> {
					long verified = 0;
					while (System.nanoTime() < end) {
						if (!encoder.matches(PASSWORD, hash)) {
							throw new IllegalStateException("The password did not verify");
						}
						verified++;
					}
					return verified;
				}));
			}
			long total = 0;
			for (Future<Long> count : counts) {
				total += count.get();
			}
			return total * 1e9 / (System.nanoTime() - start);
		}
		finally {
			threads.shutdown();
		}
	}

	private String report(Wrk pages, Wrk signIns, String startCommand, StringBuilder pageRows,
			StringBuilder pageRatios, StringBuilder signInRows) {
		StringBuilder report = new StringBuilder();
		report.append("The sample application's jar on PostgreSQL, one run per store, loaded by wrk over loopback ")
			.append("on the same machine. Each measurement lasts ").append(this.seconds).append(" s; ")
			.append(this.rounds).append(" rounds take every measurement in turn, after ").append(WARM_UP_ROUNDS)
			.append(" rounds of warm-up whose figures are dropped. Throughput is over all rounds; latencies are ")
			.append("the median round's.\n\n");
		report.append("```\n").append(startCommand.replaceAll("--server.port=\\d+", "--server.port=<free port>")
			.replaceAll("(url|username|password|staff.schema)=[^ ]*", "$1=<a fresh schema>")
			.replaceAll("redis-key-prefix=[^ ]*", "redis-key-prefix=<fresh>")
			.replaceAll("store.type=[^ ]*", "store.type=<memory|jdbc|redis>")
			.replaceAll("near-cache.enabled=[^ ]*", "near-cache.enabled=<true for + near cache>"))
			.append("\n")
			.append(pages.commandLine("http://127.0.0.1:<port>/session/new        # public, anonymous"))
			.append("\n")
			.append(pages.commandLine("http://127.0.0.1:<port>/registration/edit  # protected, session cookie"))
			.append("\n")
			.append(pages.commandLine("http://127.0.0.1:<port>/                   # public, anonymous"))
			.append("\n")
			.append(pages.commandLine("http://127.0.0.1:<port>/                   # the same, session cookie"))
			.append("\n")
			.append(pages.commandLine("http://127.0.0.1:<port>/notes              # protected, session cookie"))
			.append("\n")
			.append(pages.commandLine("http://127.0.0.1:<port>/api/v1/notes       # protected JSON, access token"))
			.append("\n")
			.append(signIns.commandLine("http://127.0.0.1:<port>/session            # POST sign-in form"))
			.append("\n```\n\n");
		report.append("### Public and protected page\n\n");
		report.append("CPU columns: CPU time per request used meanwhile by the application's JVM, by all of ")
			.append("PostgreSQL's processes and by Redis, from `/proc`. All of them share the machine's ")
			.append(this.cores).append(" cores with wrk, so a request that waits on PostgreSQL or Redis also ")
			.append("spends the application's cores on them; the application's own CPU per request separates ")
			.append("what the application itself spends.\n\n");
		report.append("| Store | Page | Requests/s | p50 (ms) | p90 (ms) | p99 (ms) | App CPU (µs/req) ")
			.append("| PostgreSQL CPU (µs/req) | Redis CPU (µs/req) |\n|---|---|---|---|---|---|---|---|---|\n");
		report.append(pageRows).append('\n');
		report.append("| Store | Pair | Protected/public throughput | Public/protected app CPU per request | Target |\n")
			.append("|---|---|---|---|---|\n");
		report.append(pageRatios).append('\n');
		report.append("### Sign-in rate\n\n");
		report.append("Successful sign-ins per second against PBKDF2-SHA512 verifies per second at "
				+ Pbkdf2Sha512PasswordEncoder.DEFAULT_ITERATIONS + " ")
			.append("iterations on ").append(this.cores).append(" threads, in the benchmark's own JVM.\n\n");
		report.append("| Store | Sign-ins/s | Verifies/s | Sign-in p50 (ms) | Sign-ins/verifies |\n")
			.append("|---|---|---|---|---|\n");
		report.append(signInRows);
		return report.toString();
	}

	private void pageRow(StringBuilder rows, String store, String page, List<PageRun> runs) {
		List<Wrk.Result> loads = loads(runs);
		rows.append(String.format("| %s | %s | %.0f | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f |%n", store, page,
				perSecond(loads), median(loads, Wrk.Result::p50), median(loads, Wrk.Result::p90),
				median(loads, Wrk.Result::p99), cpuPerRequest(runs, Cpu::app) / 1000,
				cpuPerRequest(runs, Cpu::postgres) / 1000, cpuPerRequest(runs, Cpu::redis) / 1000));
	}

	private static String verdict(boolean met) {
		return met ? "met" : "MISSED";
	}

	private static void expect(Browser.Page page, int status) {
		if (page.status() != status) {
			throw new IllegalStateException("Expected " + status + " from " + page.path() + ", got " + page);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private record SignInForm(Map<String, String> headers, String body) {
	}

	/**
	 * One configuration of the store that the application runs with.
	 *
	 * @param label how the report names it
	 * @param type {@code pow.store.type}
	 * @param nearCache {@code pow.store.near-cache.enabled}
	 * @param pageTarget the protected/public throughput wanted with it
	 */
	private record Store(String label, String type, boolean nearCache, double pageTarget) {
	}

	/**
	 * A page requested anonymously and one requested with a session, compared by
	 * throughput: a public page and a protected one, or one page requested both ways.
	 *
	 * @param name how the report names the pair
	 * @param publicPath the page requested anonymously
	 * @param protectedPath the page requested with a session
	 * @param targeted whether the pair differs in little but authentication, so that the
	 * target applies to it
	 */
	private record PagePair(String name, String publicPath, String protectedPath, boolean targeted, boolean token) {

		String publicLabel() {
			return samePage() ? "anonymous `" + this.publicPath + "`" : "public `" + this.publicPath + "`";
		}

		String protectedLabel() {
			String label = samePage() ? "signed in `" + this.protectedPath + "`"
					: "protected `" + this.protectedPath + "`";
			return this.token ? label + " (access token)" : label;
		}

		private boolean samePage() {
			return this.publicPath.equals(this.protectedPath);
		}

	}

}
