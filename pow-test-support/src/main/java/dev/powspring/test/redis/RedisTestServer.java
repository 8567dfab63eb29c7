package dev.powspring.test.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis server that integration tests run against, found once per JVM in this order:
 * {@code POW_TEST_REDIS_URL} ({@code redis://host:port[/db]}), a Testcontainers Redis
 * when a Docker engine answers, a server on 127.0.0.1:6379 that answers {@code PING},
 * else a failure that says how to provide one.
 * <p>
 * Tests share the server, so each test class should keep to keys of its own, for
 * example under a random prefix.
 */
public final class RedisTestServer {

	static final String URL_VARIABLE = "POW_TEST_REDIS_URL";

	private static final String LOCAL_HOST = "127.0.0.1";

	private static final int LOCAL_PORT = 6379;

	private static final int DEFAULT_PORT = 6379;

	private static final int PROBE_TIMEOUT_MILLIS = 2000;

	private static volatile RedisTestServer instance;

	private final String host;

	private final int port;

	private final int database;

	private final String origin;

	private LettuceConnectionFactory connectionFactory;

	private RedisTestServer(String host, int port, int database, String origin) {
		this.host = host;
		this.port = port;
		this.database = database;
		this.origin = origin;
	}

	/**
	 * Return the server for this JVM, locating it on first use.
	 * @return the server
	 * @throws IllegalStateException when no Redis can be reached
	 */
	public static RedisTestServer get() {
		RedisTestServer server = instance;
		if (server == null) {
			synchronized (RedisTestServer.class) {
				server = instance;
				if (server == null) {
					server = locate(System::getenv, RedisTestServer::dockerAvailable, LOCAL_HOST, LOCAL_PORT);
					instance = server;
				}
			}
		}
		return server;
	}

	static RedisTestServer locate(UnaryOperator<String> environment, BooleanSupplier docker, String localHost,
			int localPort) {
		String configuredUrl = environment.apply(URL_VARIABLE);
		if (configuredUrl != null && !configuredUrl.isBlank()) {
			return fromUrl(configuredUrl.strip());
		}
		if (docker.getAsBoolean()) {
			GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7-alpine"))
				.withExposedPorts(DEFAULT_PORT);
			container.start();
			return new RedisTestServer(container.getHost(), container.getMappedPort(DEFAULT_PORT), 0, "Testcontainers");
		}
		RedisTestServer local = new RedisTestServer(localHost, localPort, 0, localHost + ":" + localPort);
		if (local.answersPing()) {
			return local;
		}
		throw new IllegalStateException("""
				Integration tests need a Redis server and found none. Provide one of:
				  - POW_TEST_REDIS_URL naming a server, as redis://host:port or redis://host:port/db,
				  - a running Docker engine, so Testcontainers can start Redis,
				  - a Redis server on 127.0.0.1:6379 without a password.""");
	}

	private static RedisTestServer fromUrl(String url) {
		try {
			URI uri = new URI(url);
			if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
				throw new IllegalStateException(URL_VARIABLE + " must look like redis://host:port[/db], but was " + url);
			}
			int port = (uri.getPort() != -1) ? uri.getPort() : DEFAULT_PORT;
			String path = uri.getPath();
			int database = (path == null || path.isEmpty() || "/".equals(path)) ? 0
					: Integer.parseInt(path.substring(1));
			return new RedisTestServer(uri.getHost(), port, database, URL_VARIABLE);
		}
		catch (URISyntaxException | NumberFormatException ex) {
			throw new IllegalStateException(URL_VARIABLE + " must look like redis://host:port[/db], but was " + url,
					ex);
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	// A plain socket rather than a client, so that locating the server neither needs nor
	// starts a client's threads.
	boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), PROBE_TIMEOUT_MILLIS);
			socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			String reply = in.readLine();
			return reply != null && reply.startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Return the host name or address of the server.
	 * @return the host
	 */
	public String host() {
		return this.host;
	}

	/**
	 * Return the port of the server.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	int database() {
		return this.database;
	}

	/**
	 * Where the server came from: the environment variable, Testcontainers or the local
	 * server.
	 * @return a short description
	 */
	public String origin() {
		return this.origin;
	}

	/**
	 * Return a started connection factory for the server, created on first use and shared
	 * by every caller. Callers must not stop or destroy it.
	 * @return the connection factory
	 */
	public synchronized LettuceConnectionFactory connectionFactory() {
		if (this.connectionFactory == null) {
			RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(this.host, this.port);
			configuration.setDatabase(this.database);
			LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
			factory.afterPropertiesSet();
			factory.start();
			this.connectionFactory = factory;
		}
		return this.connectionFactory;
	}

	/**
	 * Delete every key under a prefix, what a test class wrote under a prefix of its own.
	 * @param prefix the keys' prefix
	 */
	public void deleteKeysWithPrefix(String prefix) {
		StringRedisTemplate redis = new StringRedisTemplate(connectionFactory());
		Set<String> keys = redis.keys(prefix + "*");
		if (keys != null && !keys.isEmpty()) {
			redis.delete(keys);
		}
	}

	@Override
	public String toString() {
		return "RedisTestServer[" + this.host + ":" + this.port + "/" + this.database + " from " + this.origin + "]";
	}

}
