package dev.powspring.audit;

import dev.powspring.event.PowAuthEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;

/**
 * Keeps the auth events of its own realm in the audit trail. A realm's context passes its
 * events on to the application's, whose recorder leaves them to the realm's own: each
 * realm keeps its trail in its own database.
 */
public class PowAuditRecorder {

	private static final Log logger = LogFactory.getLog(PowAuditRecorder.class);

	private final PowAuditTrail trail;

	private final String realm;

	/**
	 * Create an instance.
	 * @param trail where events are kept
	 * @param realm the realm whose events to keep
	 */
	public PowAuditRecorder(PowAuditTrail trail, String realm) {
		this.trail = trail;
		this.realm = realm;
	}

	@EventListener
	public void record(PowAuthEvent event) {
		if (!this.realm.equals(event.realm())) {
			return;
		}
		try {
			this.trail.record(event);
		}
		catch (RuntimeException ex) {
			// An audit row that cannot be written must not fail the sign-in it records.
			logger.warn("Could not record " + event.type().code() + " in the audit trail", ex);
		}
	}

}
