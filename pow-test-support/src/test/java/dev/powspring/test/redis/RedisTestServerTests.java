package dev.powspring.test.redis;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How the test Redis is found, and that what is found answers.
 */
class RedisTestServerTests {

	@Test
	void locateWhenUrlVariableSetThenItWinsOverDockerAndLocalServer() {
		Map<String, String> environment = Map.of("POW_TEST_REDIS_URL", "redis://cache.internal:6390/2");

		RedisTestServer server = RedisTestServer.locate(environment::get, () -> {
			throw new AssertionError("Docker must not be asked when the variable is set");
		}, "127.0.0.1", 6379);

		assertThat(server.origin()).isEqualTo("POW_TEST_REDIS_URL");
		assertThat(server.host()).isEqualTo("cache.internal");
		assertThat(server.port()).isEqualTo(6390);
		assertThat(server.database()).isEqualTo(2);
	}

	@Test
	void locateWhenUrlHasNoPortOrDatabaseThenDefaultsApply() {
		RedisTestServer server = RedisTestServer.locate(Map.of("POW_TEST_REDIS_URL", "redis://cache.internal")::get,
				() -> false, "127.0.0.1", 1);

		assertThat(server.port()).isEqualTo(6379);
		assertThat(server.database()).isZero();
	}

	@Test
	void locateWhenUrlIsNotRedisThenFailureNamesTheVariable() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RedisTestServer.locate(Map.of("POW_TEST_REDIS_URL", "http://cache.internal:6379")::get,
					() -> false, "127.0.0.1", 1))
			.withMessageContaining("POW_TEST_REDIS_URL")
			.withMessageContaining("redis://host:port");
	}

	@Test
	void locateWhenNothingAnswersThenFailureSaysHowToProvideOne() {
		// Port 1 on loopback: nothing listens there.
		assertThatIllegalStateException()
			.isThrownBy(() -> RedisTestServer.locate((name) -> null, () -> false, "127.0.0.1", 1))
			.withMessageContaining("POW_TEST_REDIS_URL")
			.withMessageContaining("Docker")
			.withMessageContaining("127.0.0.1:6379");
	}

	@Test
	void locateWhenLocalPortAnswersSomethingOtherThanRedisThenFailure() throws Exception {
		try (ServerSocket notRedis = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<Void> answered = CompletableFuture.runAsync(() -> {
				try (Socket client = notRedis.accept()) {
					OutputStream out = client.getOutputStream();
					out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});

			assertThatIllegalStateException().isThrownBy(() -> RedisTestServer.locate((name) -> null, () -> false,
					"127.0.0.1", notRedis.getLocalPort()));
			answered.get(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void locateWhenLocalServerAnswersPingThenItIsUsed() {
		RedisTestServer located = RedisTestServer.get();

		RedisTestServer server = RedisTestServer.locate((name) -> null, () -> false, located.host(), located.port());

		assertThat(server.host()).isEqualTo(located.host());
		assertThat(server.port()).isEqualTo(located.port());
		assertThat(server.origin()).isEqualTo(located.host() + ":" + located.port());
	}

	@Test
	void getThenServerAnswersPingOverPlainSocketAndConnectionFactory() {
		RedisTestServer server = RedisTestServer.get();

		assertThat(server.answersPing()).isTrue();
		try (RedisConnection connection = server.connectionFactory().getConnection()) {
			assertThat(connection.ping()).isEqualTo("PONG");
		}
	}

	@Test
	void connectionFactoryWhenCalledTwiceThenSameStartedFactory() {
		RedisTestServer server = RedisTestServer.get();

		assertThat(server.connectionFactory()).isSameAs(server.connectionFactory());
		assertThat(server.connectionFactory().isRunning()).isTrue();
	}

}
