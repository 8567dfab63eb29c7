package dev.powspring.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.powspring.migration.PowMigrations;
import dev.powspring.session.SessionRecord;
import dev.powspring.test.postgres.PostgresTestDatabase;
import dev.powspring.test.postgres.TestSchema;
import dev.powspring.test.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC store against the real PostgreSQL, with its table made by Pow's migration.
 */
class JdbcPowStoreTests extends AbstractPowStoreContractTests {

	private static TestSchema schema;

	static DriverManagerDataSource dataSource;

	private static JdbcClient jdbc;

	@BeforeAll
	static void createTable() {
		schema = PostgresTestDatabase.get().createSchema("JdbcPowStoreTests");
		Map<String, Object> properties = schema.datasourceProperties();
		dataSource = new DriverManagerDataSource(schema.jdbcUrl(),
				(String) properties.get("spring.datasource.username"), (String) properties.get("spring.datasource.password"));
		new PowMigrations(dataSource, List.of("classpath:db/pow/migration/store_jdbc"), Map.of()).migrate();
		jdbc = JdbcClient.create(dataSource);
	}

	@AfterAll
	static void dropSchema() {
		schema.close();
	}

	@Override
	protected PowStore createStore(MutableClock clock) {
		jdbc.sql("DELETE FROM pow_store").update();
		return new JdbcPowStore(jdbc, new JsonValueCodec(), clock);
	}

	@Test
	void valuesAreStoredAsJsonWithTheirType() {
		getStore().put(NAMESPACE, "key", "a value", TTL);

		assertThat(jdbc.sql("SELECT value_type || ' ' || value_json FROM pow_store").query(String.class).single())
			.isEqualTo("java.lang.String \"a value\"");
	}

	@Test
	void valueWrittenByAnotherReleaseWithExtraAndMissingFieldsStillReads() {
		jdbc.sql("INSERT INTO pow_store (namespace, store_key, value_type, value_json, expires_at) "
				+ "VALUES ('credentials', 'old', 'dev.powspring.session.SessionRecord', "
				+ "'{\"userId\":7,\"fingerprint\":\"f\",\"insertedAt\":\"2026-01-01T00:00:00Z\",\"addedLater\":true}', "
				+ "now() + interval '1 day')")
			.update();

		assertThat(getStore().get(NAMESPACE, "old", SessionRecord.class)).hasValueSatisfying(
				(record) -> {
					assertThat(record.userId()).isEqualTo(7L);
					assertThat(record.rotatedAt()).isNull();
					assertThat(record.metadata()).isEmpty();
				});
	}

	@Test
	void removeExpiredDeletesInBoundedBatches() {
		JdbcPowStore store = (JdbcPowStore) getStore();
		store.setSweepBatchSize(2);
		for (int i = 0; i < 5; i++) {
			store.put(NAMESPACE, "expired-" + i, "x", Duration.ofMinutes(1));
		}
		store.put(NAMESPACE, "live", "x", TTL);
		getClock().advance(Duration.ofMinutes(2));

		assertThat(store.removeExpired()).isEqualTo(2);
		assertThat(store.removeExpired()).isEqualTo(2);
		assertThat(store.removeExpired()).isEqualTo(1);
		assertThat(store.removeExpired()).isZero();
		assertThat(jdbc.sql("SELECT store_key FROM pow_store").query(String.class).list()).containsExactly("live");
	}

}
