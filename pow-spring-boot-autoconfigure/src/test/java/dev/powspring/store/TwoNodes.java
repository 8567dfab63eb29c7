package dev.powspring.store;

import java.time.Duration;

import dev.powspring.test.time.MutableClock;
import dev.powspring.testapp.web.WebTestApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes of the same application sharing one store and one secret key, as behind a
 * load balancer. Each node has its own clock; {@link #advance} moves both.
 */
final class TwoNodes implements AutoCloseable {

	static final String SECRET = "pow.secret-key=two-nodes-share-this-secret-key-0123456789";

	private final String[] properties;

	private final ApplicationContextInitializer<ConfigurableApplicationContext> initializerOfA;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	TwoNodes(String... properties) {
		this((context) -> {
		}, properties);
	}

	/**
	 * Start two nodes, node A with some beans of its own.
	 * @param initializerOfA prepares node A's context, for example registering a bean
	 * @param properties the properties of both nodes
	 */
	TwoNodes(ApplicationContextInitializer<ConfigurableApplicationContext> initializerOfA, String... properties) {
		this.properties = properties;
		this.initializerOfA = initializerOfA;
		this.a = start(initializerOfA);
		this.b = start((context) -> {
		});
	}

	private ConfigurableApplicationContext start(
			ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
		return new SpringApplicationBuilder(WebTestApplication.class).properties(this.properties)
			.properties("server.port=0", SECRET)
			.initializers(initializer)
			.run();
	}

	int portA() {
		return port(this.a);
	}

	int portB() {
		return port(this.b);
	}

	/**
	 * Stop node A and start it again.
	 */
	void restartA() {
		this.a.close();
		this.a = start(this.initializerOfA);
	}

	void advance(Duration duration) {
		this.a.getBean(MutableClock.class).advance(duration);
		this.b.getBean(MutableClock.class).advance(duration);
	}

	ConfigurableApplicationContext a() {
		return this.a;
	}

	ConfigurableApplicationContext b() {
		return this.b;
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	@Override
	public void close() {
		this.a.close();
		this.b.close();
	}

}
