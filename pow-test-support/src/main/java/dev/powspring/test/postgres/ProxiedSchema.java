package dev.powspring.test.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Stream;

import dev.powspring.test.net.TcpProxy;

/**
 * A test schema that the application reaches through a {@link TcpProxy}, so that a test
 * can cut the database off in the middle of a flow and bring it back.
 */
public final class ProxiedSchema implements AutoCloseable {

	private final TestSchema schema;

	private final TcpProxy proxy;

	private final URI database;

	private ProxiedSchema(TestSchema schema, TcpProxy proxy, URI database) {
		this.schema = schema;
		this.proxy = proxy;
		this.database = database;
	}

	/**
	 * Create a schema and a proxy in front of its server.
	 * @param owner the test class or benchmark that owns the schema
	 * @return the schema
	 */
	public static ProxiedSchema create(String owner) {
		TestSchema schema = PostgresTestDatabase.get().createSchema(owner);
		URI database = URI.create(schema.jdbcUrl().substring("jdbc:".length()));
		try {
			return new ProxiedSchema(schema, TcpProxy.start(database.getHost(), database.getPort()), database);
		}
		catch (IOException ex) {
			schema.close();
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the proxy, to {@link TcpProxy#cut() cut} and {@link TcpProxy#restore()
	 * restore}.
	 * @return the proxy
	 */
	public TcpProxy proxy() {
		return this.proxy;
	}

	/**
	 * Return the datasource properties that reach the schema through the proxy, as
	 * {@code name=value} pairs, with short pool timeouts so an outage shows at once.
	 * @return the pairs
	 */
	public String[] datasourcePropertyPairs() {
		String direct = "//" + this.database.getHost() + ":" + this.database.getPort() + "/";
		String proxied = "//127.0.0.1:" + this.proxy.port() + "/";
		return Stream
			.concat(Arrays.stream(this.schema.datasourcePropertyPairs()).map((pair) -> pair.replace(direct, proxied)),
					Stream.of("spring.datasource.hikari.connection-timeout=1000",
							"spring.datasource.hikari.validation-timeout=500"))
			.toArray(String[]::new);
	}

	/**
	 * Stop the proxy and drop the schema.
	 */
	@Override
	public void close() {
		this.proxy.close();
		this.schema.close();
	}

}
