package dev.powspring.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code pow.password.breach-check.enabled}, a new password found through the
 * k-anonymity range API is refused with a field error; when the service is down or slow,
 * sign-up goes on and a warning is logged. The range API here is a local HTTP server that
 * speaks it.
 */
@ExtendWith(OutputCaptureExtension.class)
class BreachedPasswordTests extends WebFlowTestSupport {

	private static final String BREACHED = "password1234";

	private static final RangeServer range = RangeServer.start();

	@DynamicPropertySource
	static void breachCheck(DynamicPropertyRegistry registry) {
		registry.add("pow.password.breach-check.enabled", () -> "true");
		registry.add("pow.password.breach-check.url", () -> range.url());
		registry.add("pow.password.breach-check.timeout", () -> "500ms");
	}

	@AfterEach
	void answerNormally() {
		range.mode = Mode.UP;
		range.release();
	}

	@AfterAll
	static void stopRangeServer() {
		range.stop();
	}

	@Test
	void breachedPasswordThenFieldErrorAndOnlyTheHashPrefixSent() {
		Browser.Page answer = signUp("jane@example.com", BREACHED);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("#password-error")).isEqualTo("has appeared in a data breach; choose another");
		assertThat(userCount()).isZero();
		assertThat(range.prefixes).contains(sha1(BREACHED).substring(0, 5)).allMatch((prefix) -> prefix.length() == 5);
	}

	@Test
	void passwordNotInTheCorpusThenSignedUp() {
		assertThat(signUp("jane@example.com", "correct horse battery staple").status()).isEqualTo(302);
	}

	@Test
	void serviceDownThenSignUpGoesOnAndAWarningIsLogged(CapturedOutput output) {
		range.mode = Mode.DOWN;

		assertThat(signUp("jane@example.com", BREACHED).status()).isEqualTo(302);
		assertThat(output).contains("The breached-password service answered 503; the password was not checked");
	}

	@Test
	void serviceSlowerThanTheTimeoutThenSignUpGoesOnAndAWarningIsLogged(CapturedOutput output) {
		range.mode = Mode.SLOW;

		assertThat(signUp("jane@example.com", BREACHED).status()).isEqualTo(302);
		assertThat(output).contains("The breached-password service did not answer");
	}

	private Browser.Page signUp(String email, String password) {
		Browser browser = browser();
		return browser.submit(browser.get("/registration/new"), "form.pow-form",
				Map.of("userId", email, "password", password, "passwordConfirmation", password));
	}

	private static String sha1(String password) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)))
				.toUpperCase(Locale.ROOT);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	enum Mode {

		UP, DOWN, SLOW

	}

	/**
	 * Answers the range API for one breached password, plus padding lines with a count of
	 * 0; or 503 when down; or nothing until released when slow.
	 */
	static final class RangeServer {

		private final HttpServer server;

		final List<String> prefixes = new CopyOnWriteArrayList<>();

		volatile Mode mode = Mode.UP;

		private volatile CountDownLatch held = new CountDownLatch(1);

		private RangeServer(HttpServer server) {
			this.server = server;
		}

		static RangeServer start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				RangeServer range = new RangeServer(server);
				server.createContext("/range/", range::answer);
				server.setExecutor(Executors.newCachedThreadPool());
				server.start();
				return range;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/range/";
		}

		void release() {
			this.held.countDown();
			this.held = new CountDownLatch(1);
		}

		void stop() {
			release();
			this.server.stop(0);
		}

		private void answer(HttpExchange exchange) throws IOException {
			String prefix = exchange.getRequestURI().getPath().substring("/range/".length());
			this.prefixes.add(prefix);
			if (this.mode == Mode.SLOW) {
				try {
					this.held.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (this.mode == Mode.DOWN) {
				exchange.sendResponseHeaders(503, -1);
				exchange.close();
				return;
			}
			String breached = sha1(BREACHED);
			StringBuilder body = new StringBuilder("0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n");
			if (breached.startsWith(prefix)) {
				body.append(breached.substring(5)).append(":3645804\r\n");
			}
			byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}

	}

}
