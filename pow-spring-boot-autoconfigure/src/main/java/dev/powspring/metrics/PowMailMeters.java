package dev.powspring.metrics;

import dev.powspring.mail.PowMail;
import dev.powspring.mail.PowMailDelivery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts Pow's mails by what became of them and by kind (their template, such as
 * {@code reset_password}).
 */
public class PowMailMeters implements PowMailDelivery.Listener {

	/** Counter of mails, tags {@code outcome} and {@code kind}. */
	public static final String MAILS = "pow.mails";

	private final MeterRegistry registry;

	private final String realm;

	/**
	 * Create an instance.
	 * @param registry where the counter is
	 * @param realm the realm of the mails
	 */
	public PowMailMeters(MeterRegistry registry, String realm) {
		this.registry = registry;
		this.realm = realm;
	}

	@Override
	public void delivered(PowMail mail, PowMailDelivery.Outcome outcome) {
		Counter.builder(MAILS)
			.description("Mails sent, failed, or dropped before sending")
			.tag(PowMeters.REALM_TAG, this.realm)
			.tag("outcome", outcome.code())
			.tag("kind", (mail.assigns() != null) ? mail.assigns().template() : PowAuthEventMeters.UNKNOWN)
			.register(this.registry)
			.increment();
	}

}
