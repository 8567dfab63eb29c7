package dev.powspring.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code benchmarks/RESULTS.md} from what one run of {@code run.sh} measured: the
 * targets first, each as a ratio from this run, then every figure.
 * <p>
 * Arguments: the directory the run wrote its results to, the machine's description, the
 * commands that were run, the findings to append, and the file to write.
 */
public final class ResultsReport {

	private static final double RESOLUTION_GROWTH_TARGET = 0.20;

	private static final int HEAP_TARGET_BYTES = 1024;

	private static final Pattern HEAP_BYTES = Pattern.compile("\\| (\\d+) bytes");

	private final List<Score> scores;

	private ResultsReport(List<Score> scores) {
		this.scores = scores;
	}

	public static void main(String[] args) throws IOException {
		Path results = Path.of(args[0]);
		String machine = Files.readString(Path.of(args[1]));
		String commands = Files.readString(Path.of(args[2]));
		String findings = Files.readString(Path.of(args[3]));
		ResultsReport report = new ResultsReport(readJmh(results.resolve("jmh.json")));
		String heap = Files.readString(results.resolve("heap.md"));
		StringBuilder out = new StringBuilder();
		out.append("# Benchmark results\n\n");
		out.append("Written by `bash benchmarks/run.sh` from one run. ").append(machine.strip()).append("\n\n");
		out.append("## Targets\n\n");
		out.append("Each target is a ratio of two figures measured in this run.\n\n");
		out.append("| Target | Wanted | Measured | |\n|---|---|---|---|\n");
		out.append(Files.readString(results.resolve("load-targets.md")));
		out.append(Files.readString(results.resolve("peer-targets.md")));
		out.append(Files.readString(results.resolve("revocation-targets.md")));
		report.resolutionTarget(out, 1000);
		report.resolutionTarget(out, 10000);
		out.append(heapTarget(heap));
		out.append("\nWhere a target is missed, [Findings](#findings) says why, from a profile.\n\n");
		out.append("## Load on the sample application\n\n").append(Files.readString(results.resolve("load.md")));
		out.append("\n## Against Spring Security and Spring Session\n\n")
			.append(Files.readString(results.resolve("peer.md")));
		out.append("\n## Revocation across nodes\n\n")
			.append("Two nodes in one JVM, each with its own near cache and invalidation channel on this machine's ")
			.append("PostgreSQL or Redis: node A has a session in its near cache, node B deletes it; the time from ")
			.append("the start of B's delete until A has dropped its copy.\n\n")
			.append(Files.readString(results.resolve("revocation.md")));
		out.append("\n## Sign-in timing\n\n").append(Files.readString(results.resolve("sign-in.md")));
		out.append("\n## Memory\n\n| Measure | Result |\n|---|---|\n").append(heap);
		out.append("\n## JMH\n\n");
		report.jmhTables(out);
		out.append("\n## Commands\n\nFrom the repository root, as `run.sh` ran them:\n\n```shell\n")
			.append(commands.strip())
			.append("\n```\n\n");
		out.append(findings.strip()).append('\n');
		Files.writeString(Path.of(args[4]), out.toString());
	}

	private void resolutionTarget(StringBuilder out, int active) {
		double few = score("SessionResolutionBenchmark.resolve", Map.of("sessions", "1000", "active", "1000"));
		double many = score("SessionResolutionBenchmark.resolve",
				Map.of("sessions", "1000000", "active", String.valueOf(active)));
		double growth = many / few - 1;
		out.append(String.format(
				"| resolving a session, 1 thousand to 1 million live sessions, requests from %,d of them | "
						+ "at most %.0f%% slower | %+.1f%% (%.0f ns to %.0f ns) | %s |%n",
				active, RESOLUTION_GROWTH_TARGET * 100, growth * 100, few, many,
				verdict(growth <= RESOLUTION_GROWTH_TARGET)));
	}

	private static String heapTarget(String heap) {
		Matcher matcher = HEAP_BYTES.matcher(heap);
		if (!matcher.find()) {
			throw new IllegalStateException("No heap figure in: " + heap);
		}
		int bytes = Integer.parseInt(matcher.group(1));
		return String.format("| heap per live in-memory session, beyond the shared user copy | at most %d bytes | "
				+ "%d bytes | %s |%n", HEAP_TARGET_BYTES, bytes, verdict(bytes <= HEAP_TARGET_BYTES));
	}

	private void jmhTables(StringBuilder out) {
		out.append("| Benchmark | Parameters | Score | Error (99.9%) | Unit |\n|---|---|---|---|---|\n");
		for (Score score : this.scores) {
			out.append(String.format("| %s | %s | %.3f | %.3f | %s |%n", score.benchmark(), score.parameters(),
					score.score(), score.error(), score.unit()));
		}
	}

	private double score(String benchmark, Map<String, String> parameters) {
		return this.scores.stream()
			.filter((score) -> score.benchmark().equals(benchmark) && score.params().equals(parameters))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No JMH result for " + benchmark + " " + parameters))
			.score();
	}

	private static List<Score> readJmh(Path file) throws IOException {
		List<Score> scores = new ArrayList<>();
		for (JsonNode result : JsonMapper.shared().readTree(Files.readString(file))) {
			String benchmark = result.get("benchmark").asString().replace("dev.powspring.benchmarks.", "");
			Map<String, String> params = new TreeMap<>();
			JsonNode node = result.get("params");
			if (node != null) {
				node.properties().forEach((entry) -> params.put(entry.getKey(), entry.getValue().asString()));
			}
			JsonNode metric = result.get("primaryMetric");
			scores.add(new Score(benchmark, params, number(metric.get("score")), number(metric.get("scoreError")),
					metric.get("scoreUnit").asString()));
		}
		return scores;
	}

	// JMH writes "NaN" as a string where a figure has no error estimate.
	private static double number(JsonNode node) {
		return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asString());
	}

	private static String verdict(boolean met) {
		return met ? "met" : "MISSED";
	}

	private record Score(String benchmark, Map<String, String> params, double score, double error, String unit) {

		String parameters() {
			return this.params.isEmpty() ? "" : this.params.toString().replaceAll("[{}]", "");
		}

	}

}
