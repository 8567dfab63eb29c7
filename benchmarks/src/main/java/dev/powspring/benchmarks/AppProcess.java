package dev.powspring.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An application's executable jar (the sample application's, or one of the peer
 * comparison's) running in a JVM of its own, as in production, so that the load generator
 * and the benchmark's own code never share its heap or JIT.
 */
final class AppProcess implements AutoCloseable {

	/** JVM options of every run, so that the stores are compared on equal terms. */
	static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g");

	private final Process process;

	private final int port;

	private final List<String> command;

	private final Path jar;

	private AppProcess(Process process, int port, List<String> command, Path jar) {
		this.process = process;
		this.port = port;
		this.command = command;
		this.jar = jar;
	}

	/**
	 * Start the jar with the given properties and wait until it answers.
	 * @param jar the application's executable jar
	 * @param properties Spring properties passed as command-line arguments
	 * @param log where the application's output goes
	 * @return the running application
	 */
	static AppProcess start(Path jar, Map<String, String> properties, Path log)
			throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		properties.forEach((name, value) -> command.add("--" + name + "=" + value));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		AppProcess app = new AppProcess(process, port, command, jar);
		try {
			app.awaitReady(Duration.ofMinutes(2));
		}
		catch (IOException | RuntimeException ex) {
			app.close();
			throw ex;
		}
		return app;
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * Return the command line that started the application, without the machine-specific
	 * paths of the JVM and the jar: the jar as seen from the working directory, the
	 * repository's root when {@code run.sh} runs.
	 * @return the command line
	 */
	String commandLine() {
		Path workingDirectory = Path.of("").toAbsolutePath();
		Path absoluteJar = this.jar.toAbsolutePath().normalize();
		Path shownJar = absoluteJar.startsWith(workingDirectory) ? workingDirectory.relativize(absoluteJar)
				: this.jar.getFileName();
		return "java " + String.join(" ", this.command.subList(1, this.command.size()))
			.replace(this.command.get(JVM_OPTIONS.size() + 2), shownJar.toString());
	}

	private void awaitReady(Duration timeout) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest home = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/")).build();
		while (true) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.jar.getFileName() + " exited with " + this.process.exitValue());
			}
			try {
				if (http.send(home, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(this.jar.getFileName() + " did not answer within " + timeout);
			}
			// Polls the port while the JVM starts; a benchmark harness, not a test.
			this.process.waitFor(200, TimeUnit.MILLISECONDS);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
