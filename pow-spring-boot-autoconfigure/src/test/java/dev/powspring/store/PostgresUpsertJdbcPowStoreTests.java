package dev.powspring.store;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import dev.powspring.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The JDBC store on PostgreSQL with its single-statement writes, as Pow's
 * auto-configuration sets it up there: the whole contract again, and one round trip per
 * put, claim and count.
 */
class PostgresUpsertJdbcPowStoreTests extends JdbcPowStoreTests {

	@Override
	protected PowStore createStore(MutableClock clock) {
		JdbcPowStore store = (JdbcPowStore) super.createStore(clock);
		store.setPostgresUpserts(true);
		return store;
	}

	@Test
	void eachPutClaimAndCountIsOneStatement() {
		AtomicInteger statements = new AtomicInteger();
		JdbcPowStore store = new JdbcPowStore(JdbcClient.create(countingStatements(statements)),
				new JsonValueCodec(), MutableClock.at(Instant.parse("2026-01-01T10:00:00Z")));
		store.setPostgresUpserts(true);

		assertThat(statementsFor(statements, () -> store.put(NAMESPACE, "new", "a", TTL))).isOne();
		assertThat(statementsFor(statements, () -> store.put(NAMESPACE, "new", "b", TTL, "7"))).isOne();
		assertThat(statementsFor(statements, () -> store.putIfAbsent(NAMESPACE, "claim", "c", TTL))).isOne();
		assertThat(statementsFor(statements, () -> store.putIfAbsent(NAMESPACE, "claim", "d", TTL))).isOne();
		assertThat(statementsFor(statements, () -> store.increment(NAMESPACE, "count", TTL))).isOne();
		assertThat(statementsFor(statements, () -> store.increment(NAMESPACE, "count", TTL))).isOne();
		assertThat(statementsFor(statements, () -> store.decrement(NAMESPACE, "count"))).isOne();
		assertThat(store.get(NAMESPACE, "new", String.class)).hasValue("b");
		assertThat(store.findKeysByPrincipal(NAMESPACE, "7")).containsExactly("new");
		assertThat(store.get(NAMESPACE, "claim", String.class)).hasValue("c");
		assertThat(store.get(NAMESPACE, "count", Long.class)).hasValue(1L);
	}

	@Test
	void incrementWhenKeyHoldsLiveValueThatIsNoCountThenRefusedAndValueKept() {
		getStore().put(NAMESPACE, "key", "not a count", TTL);
		CountingPowStore counters = (CountingPowStore) getStore();

		assertThatExceptionOfType(PowStoreUnavailableException.class)
			.isThrownBy(() -> counters.increment(NAMESPACE, "key", Duration.ofMinutes(1)));
		assertThat(getStore().get(NAMESPACE, "key", String.class)).hasValue("not a count");
	}

	private static int statementsFor(AtomicInteger statements, Runnable operation) {
		statements.set(0);
		operation.run();
		return statements.get();
	}

	private static DriverManagerDataSource countingStatements(AtomicInteger statements) {
		return new DriverManagerDataSource(dataSource.getUrl(), dataSource.getUsername(), dataSource.getPassword()) {

			@Override
			protected Connection getConnectionFromDriver(Properties props) throws SQLException {
				Connection connection = super.getConnectionFromDriver(props);
				return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> {
							if (method.getName().equals("prepareStatement")
									|| method.getName().equals("createStatement")) {
								statements.incrementAndGet();
							}
							try {
								return method.invoke(connection, args);
							}
							catch (java.lang.reflect.InvocationTargetException ex) {
								throw ex.getCause();
							}
						});
			}

		};
	}

}
