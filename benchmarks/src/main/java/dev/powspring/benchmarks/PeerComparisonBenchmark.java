package dev.powspring.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.powspring.benchmarks.PageRun.Cpu;
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
 * Compares Pow with its peer, Spring Security's form login with Spring Session, on the
 * same two tiny pages ({@code benchmarks/peer-pow} and
 * {@code benchmarks/peer-spring-session}), once per store: in-memory sessions, PostgreSQL
 * and Redis, and for the last two Pow with its near cache too. The applications of one
 * store run side by side, each from its jar in a JVM of its own on a fresh PostgreSQL
 * schema and a fresh Redis key prefix, and wrk loads them in turn, round after round, so
 * that drift on the machine affects all alike: the public page requested anonymously and
 * the private one with a signed-in session, with the CPU time per request that the loaded
 * application, PostgreSQL and Redis used.
 * <p>
 * Arguments: the peer's jar, the Pow application's jar, the seconds of one measurement,
 * the number of measured rounds, and a directory to write {@code peer.md} (the figures)
 * and {@code peer-targets.md} (one row per target) to.
 */
public final class PeerComparisonBenchmark {

	private static final String USER = "peer@example.com";

	private static final String PASSWORD = "quiet-harbor-lantern-42";

	private static final String PEER = "Spring Security + Spring Session";

	private static final String POW = "Pow";

	private static final String POW_NEAR_CACHE = "Pow + near cache";

	private static final List<String> STORES = List.of("memory", "jdbc", "redis");

	// Pow's protected-page throughput against the peer's, plain Pow without the near cache.
	private static final Map<String, Double> PEER_TARGETS = Map.of("memory", 1.2, "jdbc", 5.0, "redis", 2.0);

	private static final double NEAR_CACHE_PAGE_TARGET = 0.90;

	private static final int WARM_UP_ROUNDS = 1;

	private final Path peerJar;

	private final Path powJar;

	private final int seconds;

	private final int rounds;

	// Rows of the summary table: target, wanted, measured, verdict.
	private final StringBuilder targets = new StringBuilder();

	private PeerComparisonBenchmark(Path peerJar, Path powJar, int seconds, int rounds) {
		this.peerJar = peerJar;
		this.powJar = powJar;
		this.seconds = seconds;
		this.rounds = rounds;
	}

	public static void main(String[] args) throws Exception {
		Path peerJar = Path.of(args[0]);
		Path powJar = Path.of(args[1]);
		int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 3;
		PeerComparisonBenchmark benchmark = new PeerComparisonBenchmark(peerJar, powJar, seconds, rounds);
		String report = benchmark.run();
		System.out.println(report);
		System.out.println(benchmark.targets);
		if (args.length > 4) {
			Files.writeString(Path.of(args[4], "peer.md"), report);
			Files.writeString(Path.of(args[4], "peer-targets.md"), benchmark.targets.toString());
		}
	}

	private String run() throws Exception {
		// The same load as LoadBenchmark's pages.
		Wrk pages = new Wrk(1, 8, this.seconds);
		StringBuilder pageRows = new StringBuilder();
		StringBuilder ratioRows = new StringBuilder();
		Map<String, String> commands = new LinkedHashMap<>();
		for (String store : STORES) {
			List<Contender> contenders = new ArrayList<>();
			contenders.add(new Contender(PEER, this.peerJar, peerProperties(store), true));
			contenders.add(new Contender(POW, this.powJar, powProperties(store, false), false));
			if (!store.equals("memory")) {
				contenders.add(new Contender(POW_NEAR_CACHE, this.powJar, powProperties(store, true), false));
			}
			Map<String, Figures> figures = measureStore(store, contenders, pages, commands);
			for (Contender contender : contenders) {
				Figures measured = figures.get(contender.name());
				pageRow(pageRows, store, contender.name(), "public `/`", measured.publicRuns());
				pageRow(pageRows, store, contender.name(), "protected `/private`", measured.protectedRuns());
			}
			ratios(ratioRows, store, figures);
		}
		return report(pages, commands, pageRows, ratioRows);
	}

	/**
	 * Start every contender of one store side by side, sign each in, and load them in
	 * turn.
	 */
	private Map<String, Figures> measureStore(String store, List<Contender> contenders, Wrk pages,
			Map<String, String> commands) throws Exception {
		List<TestSchema> schemas = new ArrayList<>();
		List<Running> running = new ArrayList<>();
		try {
			for (Contender contender : contenders) {
				TestSchema schema = PostgresTestDatabase.get().createSchema("PeerComparison");
				schemas.add(schema);
				Map<String, String> properties = new LinkedHashMap<>(datasource(schema));
				properties.putAll(contender.properties());
				AppProcess app = AppProcess.start(contender.jar(), properties,
						Files.createTempFile("pow-peer-" + store, ".log"));
				commands.putIfAbsent(contender.name(), app.commandLine());
				String cookies = contender.peer() ? signInPeer(app.port()) : signInPow(app.port());
				running.add(new Running(contender, app, cookies, PageRun.cpuMeter(app.pid())));
			}
			Map<String, Figures> figures = new LinkedHashMap<>();
			for (Running app : running) {
				figures.put(app.contender().name(), new Figures(new ArrayList<>(), new ArrayList<>()));
			}
			// The first rounds warm up the JIT and the pools; their figures are dropped.
			for (int round = -WARM_UP_ROUNDS; round < this.rounds; round++) {
				for (Running app : running) {
					String base = "http://127.0.0.1:" + app.app().port();
					PageRun anonymous = measure(pages, base + "/", Map.of(), app.cpu());
					PageRun signedIn = measure(pages, base + "/private", Map.of("Cookie", app.cookies()), app.cpu());
					if (round >= 0) {
						figures.get(app.contender().name()).publicRuns().add(anonymous);
						figures.get(app.contender().name()).protectedRuns().add(signedIn);
					}
				}
			}
			// wrk counts a redirect to the sign-in page as a success: the sessions must
			// have held throughout.
			for (Running app : running) {
				requireSignedIn(app.app().port(), app.cookies());
			}
			return figures;
		}
		finally {
			for (Running app : running) {
				app.app().close();
			}
			for (TestSchema schema : schemas) {
				schema.close();
			}
		}
	}

	private static Map<String, String> datasource(TestSchema schema) {
		Map<String, Object> datasource = schema.datasourceProperties();
		Map<String, String> properties = new LinkedHashMap<>();
		for (String name : List.of("spring.datasource.url", "spring.datasource.username",
				"spring.datasource.password")) {
			properties.put(name, String.valueOf(datasource.get(name)));
		}
		return properties;
	}

	private static Map<String, String> peerProperties(String store) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("peer.store", store);
		properties.put("peer.username", USER);
		properties.put("peer.password", PASSWORD);
		if (store.equals("redis")) {
			redis(properties);
			properties.put("spring.session.redis.namespace", "peer-" + UUID.randomUUID());
		}
		properties.put("logging.level.root", "warn");
		return properties;
	}

	private static Map<String, String> powProperties(String store, boolean nearCache) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("pow.store.type", store);
		properties.put("pow.store.near-cache.enabled", String.valueOf(nearCache));
		if (store.equals("redis")) {
			redis(properties);
			properties.put("pow.store.redis-key-prefix", "pow-peer-" + UUID.randomUUID() + ":");
		}
		properties.put("pow.secret-key", "peer-benchmark-secret-key-0123456789abcdef");
		properties.put("logging.level.root", "warn");
		return properties;
	}

	private static void redis(Map<String, String> properties) {
		RedisTestServer redis = RedisTestServer.get();
		properties.put("spring.data.redis.host", redis.host());
		properties.put("spring.data.redis.port", String.valueOf(redis.port()));
	}

	/**
	 * Sign in through Spring Security's generated login form, CSRF token included, and
	 * return the session cookie.
	 */
	private static String signInPeer(int port) {
		Browser browser = new Browser(port);
		Browser.Page signedIn = browser.submit(browser.get("/login"), "form",
				Map.of("username", USER, "password", PASSWORD));
		expect(signedIn, 302);
		if (signedIn.location().contains("error")) {
			throw new IllegalStateException("The peer refused the sign-in: " + signedIn);
		}
		return checkedSession(port, browser.cookieHeader());
	}

	/**
	 * Register the user through Pow's sign-up form, then sign in through its sign-in form
	 * in a fresh browser, and return that browser's cookies.
	 */
	private static String signInPow(int port) {
		Browser registering = new Browser(port);
		expect(registering.submit(registering.get("/registration/new"), "form.pow-form",
				Map.of("userId", USER, "password", PASSWORD, "passwordConfirmation", PASSWORD)), 302);
		Browser browser = new Browser(port);
		expect(browser.submit(browser.get("/session/new"), "form.pow-form",
				Map.of("userId", USER, "password", PASSWORD)), 302);
		return checkedSession(port, browser.cookieHeader());
	}

	// The check must tell: with the cookies the private page shows the user, without them
	// it redirects to sign in.
	private static String checkedSession(int port, String cookies) {
		requireSignedIn(port, cookies);
		expect(new Browser(port).get("/private"), 302);
		return cookies;
	}

	private static void requireSignedIn(int port, String cookies) {
		Browser.Page page = new Browser(port).header("Cookie", cookies).get("/private");
		expect(page, 200);
		if (!page.body().contains("Signed in as " + USER)) {
			throw new IllegalStateException("Not the signed-in page: " + page);
		}
	}

	private static void pageRow(StringBuilder rows, String store, String application, String page,
			List<PageRun> runs) {
		List<Wrk.Result> loads = loads(runs);
		rows.append(String.format("| %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f |%n", store,
				application, page, perSecond(loads), median(loads, Wrk.Result::p50), median(loads, Wrk.Result::p90),
				median(loads, Wrk.Result::p99), cpuPerRequest(runs, Cpu::app) / 1000,
				cpuPerRequest(runs, Cpu::postgres) / 1000, cpuPerRequest(runs, Cpu::redis) / 1000));
	}

	private void ratios(StringBuilder rows, String store, Map<String, Figures> figures) {
		Figures peer = figures.get(PEER);
		Figures pow = figures.get(POW);
		Figures nearCache = figures.get(POW_NEAR_CACHE);
		double powOverPeer = pow.protectedPerSecond() / peer.protectedPerSecond();
		String nearCacheOverPeer = (nearCache != null)
				? String.format("%.2f", nearCache.protectedPerSecond() / peer.protectedPerSecond()) : "";
		rows.append(String.format("| %s | %.2f | %s | %.2f | %.2f | %.3f | %.3f | %s |%n", store, powOverPeer,
				nearCacheOverPeer, pow.publicPerSecond() / peer.publicPerSecond(),
				cpuPerRequest(peer.protectedRuns(), Cpu::app) / cpuPerRequest(pow.protectedRuns(), Cpu::app),
				peer.protectedOverPublic(), pow.protectedOverPublic(),
				(nearCache != null) ? String.format("%.3f", nearCache.protectedOverPublic()) : ""));
		double target = PEER_TARGETS.get(store);
		this.targets.append(String.format(
				"| protected-page throughput against Spring Security + Spring Session, %s store | at least %.1f times "
						+ "| %.2f%s | %s |%n",
				store, target, powOverPeer,
				nearCacheOverPeer.isEmpty() ? "" : " (with the near cache: " + nearCacheOverPeer + ")",
				verdict(powOverPeer >= target)));
		if (nearCache != null) {
			double ratio = nearCache.protectedOverPublic();
			this.targets.append(String.format(
					"| protected/public throughput, %s store with the near cache (tiny pages) | at least %.2f "
							+ "| %.3f | %s |%n",
					store, NEAR_CACHE_PAGE_TARGET, ratio, verdict(ratio >= NEAR_CACHE_PAGE_TARGET)));
		}
	}

	private String report(Wrk pages, Map<String, String> commands, StringBuilder pageRows, StringBuilder ratioRows) {
		StringBuilder report = new StringBuilder();
		report.append("Pow (`benchmarks/peer-pow`: the starter alone, no extension) against Spring Security's form ")
			.append("login with Spring Session (`benchmarks/peer-spring-session`, Spring Boot's defaults), ")
			.append("serving the same two tiny pages from the same kind of controller: `/`, public, and `/private`, ")
			.append("which shows the signed-in user's name. Per store, the applications run side by side, each ")
			.append("from its jar on a fresh PostgreSQL schema, and wrk loads them in turn over loopback. ")
			.append("`memory` is the servlet container's own `HttpSession` for the peer, Pow's in-memory store ")
			.append("for Pow. Each measurement lasts ")
			.append(this.seconds)
			.append(" s; ")
			.append(this.rounds)
			.append(" rounds take every measurement in turn, after ")
			.append(WARM_UP_ROUNDS)
			.append(" round of warm-up whose figures are dropped. Throughput is over all rounds; latencies are ")
			.append("the median round's.\n\n```\n");
		commands.values()
			.forEach((command) -> report.append(command.replaceAll("--server.port=\\d+", "--server.port=<free port>")
				.replaceAll("datasource.(url|username|password)=[^ ]*", "datasource.$1=<a fresh schema>")
				.replaceAll("peer.username=[^ ]*", "peer.username=<user>")
				.replaceAll("peer.password=[^ ]*", "peer.password=<password>")
				.replaceAll("(namespace|redis-key-prefix)=[^ ]*", "$1=<fresh>")
				.replaceAll("(peer.store|store.type)=[^ ]*", "$1=<memory|jdbc|redis>")
				.replaceAll("near-cache.enabled=[^ ]*", "near-cache.enabled=<false|true>")
				.replaceAll(" --spring.data.redis.(host|port)=[^ ]*", ""))
				.append("\n"));
		report.append(pages.commandLine("http://127.0.0.1:<port>/          # public, anonymous"))
			.append("\n")
			.append(pages.commandLine("http://127.0.0.1:<port>/private   # protected, session cookie"))
			.append("\n```\n\n");
		report.append("CPU columns: CPU time per request used meanwhile by the loaded application's JVM, by all of ")
			.append("PostgreSQL's processes and by Redis, from `/proc`.\n\n");
		report.append("| Store | Application | Page | Requests/s | p50 (ms) | p90 (ms) | p99 (ms) | App CPU (µs/req) ")
			.append("| PostgreSQL CPU (µs/req) | Redis CPU (µs/req) |\n|---|---|---|---|---|---|---|---|---|---|\n");
		report.append(pageRows).append('\n');
		report.append("| Store | Pow/peer protected throughput | Pow + near cache/peer protected throughput ")
			.append("| Pow/peer public throughput | Peer/Pow app CPU per protected request ")
			.append("| Protected/public, peer | Protected/public, Pow | Protected/public, Pow + near cache |\n")
			.append("|---|---|---|---|---|---|---|---|\n");
		report.append(ratioRows);
		return report.toString();
	}

	private static String verdict(boolean met) {
		return met ? "met" : "MISSED";
	}

	private static void expect(Browser.Page page, int status) {
		if (page.status() != status) {
			throw new IllegalStateException("Expected " + status + " from " + page.path() + ", got " + page);
		}
	}

	/**
	 * One application of the comparison.
	 *
	 * @param name how the report names it
	 * @param jar its executable jar
	 * @param properties its properties, beyond the data source
	 * @param peer whether it is the Spring Security peer, which signs in by its own form
	 */
	private record Contender(String name, Path jar, Map<String, String> properties, boolean peer) {
	}

	/**
	 * A contender running, signed in.
	 *
	 * @param contender the contender
	 * @param app its process
	 * @param cookies the signed-in session's cookies
	 * @param cpu the meter of its CPU time and the stores'
	 */
	private record Running(Contender contender, AppProcess app, String cookies, Supplier<Cpu> cpu) {
	}

	/**
	 * The measured rounds of one contender.
	 *
	 * @param publicRuns the public page, anonymously
	 * @param protectedRuns the private page, signed in
	 */
	private record Figures(List<PageRun> publicRuns, List<PageRun> protectedRuns) {

		double publicPerSecond() {
			return perSecond(loads(this.publicRuns));
		}

		double protectedPerSecond() {
			return perSecond(loads(this.protectedRuns));
		}

		double protectedOverPublic() {
			return protectedPerSecond() / publicPerSecond();
		}

	}

}
