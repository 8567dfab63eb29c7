package dev.powspring.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail in Pow's {@code pow_audit_events} table, made by the migration of
 * {@code pow.audit.enabled}. Details are kept as a JSON object; events are pruned oldest
 * first in bounded batches, so that pruning a backlog never holds a long lock.
 */
public class JdbcPowAuditTrail implements PowAuditTrail {

	private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration retention;

	private final int pruneBatchSize;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Create an instance.
	 * @param jdbc the application's database
	 * @param clock the clock that pruning measures age by
	 * @param retention how long events are kept
	 * @param pruneBatchSize most events one pruning statement deletes
	 */
	public JdbcPowAuditTrail(JdbcClient jdbc, Clock clock, Duration retention, int pruneBatchSize) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
		this.pruneBatchSize = pruneBatchSize;
	}

	@Override
	public void record(PowAuthEvent event) {
		this.jdbc
			.sql("INSERT INTO pow_audit_events (occurred_at, event_type, user_id, actor_id, realm, client_address, "
					+ "user_agent, details) VALUES (:occurredAt, :type, :userId, :actorId, :realm, :clientAddress, "
					+ ":userAgent, :details)")
			.param("occurredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
			.param("type", event.type().code())
			.param("userId", event.userId())
			.param("actorId", event.actorId())
			.param("realm", event.realm())
			.param("clientAddress", event.clientAddress())
			.param("userAgent", event.userAgent())
			.param("details", this.json.writeValueAsString(event.details()))
			.update();
	}

	@Override
	public List<PowAuthEvent> recent(Long userId, int limit) {
		return this.jdbc
			.sql("SELECT occurred_at, event_type, user_id, actor_id, realm, client_address, user_agent, details "
					+ "FROM pow_audit_events WHERE user_id = :userId ORDER BY occurred_at DESC, id DESC FETCH FIRST "
					+ Math.max(1, limit) + " ROWS ONLY")
			.param("userId", userId)
			.query(this::event)
			.list();
	}

	@Override
	public int pruneBatch() {
		Instant cutoff = this.clock.instant().minus(this.retention);
		return this.jdbc
			.sql("DELETE FROM pow_audit_events WHERE id IN (SELECT id FROM pow_audit_events WHERE occurred_at < :cutoff "
					+ "ORDER BY occurred_at FETCH FIRST " + this.pruneBatchSize + " ROWS ONLY)")
			.param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.update();
	}

	private PowAuthEvent event(ResultSet row, int rowNumber) throws SQLException {
		return new PowAuthEvent(PowAuthEventType.ofCode(row.getString("event_type")),
				row.getObject("user_id", Long.class), row.getObject("actor_id", Long.class), row.getString("realm"),
				row.getString("client_address"), row.getString("user_agent"),
				row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				this.json.readValue(row.getString("details"), DETAILS));
	}

}
