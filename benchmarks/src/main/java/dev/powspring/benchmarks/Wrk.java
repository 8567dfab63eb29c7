package dev.powspring.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs wrk, the HTTP load generator, against one URL and reads its summary.
 *
 * @param threads wrk threads
 * @param connections open connections
 * @param seconds how long one run lasts
 */
record Wrk(int threads, int connections, int seconds) {

	// wrk reports through a Lua hook: one line that needs no parsing of its human output.
	private static final String REPORT = """
			done = function(summary, latency, requests)
			  local errors = summary.errors
			  io.write(string.format("WRK %d %d %d %f %f %f\\n", summary.requests, summary.duration,
			    errors.connect + errors.read + errors.write + errors.status + errors.timeout,
			    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
			end
			""";

	/**
	 * Load the URL.
	 * @param url the URL
	 * @param method the HTTP method
	 * @param headers request headers
	 * @param body the request body, or {@code null}
	 * @return the summary
	 */
	Result run(String url, String method, Map<String, String> headers, String body)
			throws IOException, InterruptedException {
		Path script = Files.createTempFile("pow-wrk", ".lua");
		try {
			StringBuilder lua = new StringBuilder();
			lua.append("wrk.method = ").append(quote(method)).append('\n');
			if (body != null) {
				lua.append("wrk.body = ").append(quote(body)).append('\n');
			}
			headers.forEach((name, value) -> lua.append("wrk.headers[")
				.append(quote(name))
				.append("] = ")
				.append(quote(value))
				.append('\n'));
			lua.append(REPORT);
			Files.writeString(script, lua);
			List<String> command = new ArrayList<>(List.of("wrk", "-t" + this.threads, "-c" + this.connections,
					"-d" + this.seconds + "s", "-s", script.toString(), url));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException("wrk failed:\n" + output);
			}
			String line = output.lines()
				.filter((candidate) -> candidate.startsWith("WRK "))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No summary from wrk:\n" + output));
			String[] fields = line.split(" ");
			Result result = new Result(Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]),
					Double.parseDouble(fields[4]) / 1000, Double.parseDouble(fields[5]) / 1000,
					Double.parseDouble(fields[6]) / 1000);
			if (result.errors() > 0) {
				throw new IllegalStateException(result.errors() + " failed requests to " + url);
			}
			return result;
		}
		finally {
			Files.delete(script);
		}
	}

	/**
	 * The command line of a run, for the record.
	 * @param target what the run loads
	 * @return the command line
	 */
	String commandLine(String target) {
		return "wrk -t" + this.threads + " -c" + this.connections + " -d" + this.seconds + "s -s <script> " + target;
	}

	private static String quote(String value) {
		return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	/**
	 * What one run measured.
	 *
	 * @param requests completed requests
	 * @param micros how long the run lasted, in microseconds
	 * @param errors failed requests: socket errors, timeouts and answers of 400 or above
	 * @param p50 median latency in milliseconds
	 * @param p90 90th percentile latency in milliseconds
	 * @param p99 99th percentile latency in milliseconds
	 */
	record Result(long requests, long micros, long errors, double p50, double p90, double p99) {

		double perSecond() {
			return this.requests * 1e6 / this.micros;
		}

	}

}
