package dev.powspring.metrics;

import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Counts sign-ins, registrations and token thefts from the {@link PowAuthEvent}s of one
 * realm. A realm's context passes its events on to the application's, so each realm's
 * counter counts its own realm's events only.
 */
public class PowAuthEventMeters implements ApplicationListener<PayloadApplicationEvent<PowAuthEvent>> {

	/** Counter of sign-ins, tags {@code outcome}, {@code method} and {@code reason}. */
	public static final String SIGN_INS = "pow.sign.ins";

	/** Counter of new accounts. */
	public static final String REGISTRATIONS = "pow.registrations";

	/** Counter of used remember-me or API renewal tokens that came back, tag {@code kind}. */
	public static final String TOKEN_THEFTS = "pow.token.thefts";

	static final String UNKNOWN = "unknown";

	private final MeterRegistry registry;

	private final String realm;

	/**
	 * Create an instance.
	 * @param registry where the counters are
	 * @param realm the realm whose events are counted
	 */
	public PowAuthEventMeters(MeterRegistry registry, String realm) {
		this.registry = registry;
		this.realm = realm;
	}

	@Override
	public void onApplicationEvent(PayloadApplicationEvent<PowAuthEvent> applicationEvent) {
		PowAuthEvent event = applicationEvent.getPayload();
		if (!this.realm.equals(event.realm())) {
			return;
		}
		PowAuthEventType type = event.type();
		switch (type) {
			case SIGNED_IN -> signIn("success", event.detail(PowAuthEvent.METHOD), "none");
			case SIGN_IN_FAILED -> signIn("failure", event.detail(PowAuthEvent.METHOD), event.detail(PowAuthEvent.REASON));
			case REGISTERED -> counter(REGISTRATIONS).register(this.registry).increment();
			case REMEMBER_ME_THEFT -> theft("remember_me");
			case API_TOKEN_THEFT -> theft("api");
			default -> {
			}
		}
	}

	private void signIn(String outcome, String method, String reason) {
		counter(SIGN_INS).description("Sign-ins that succeeded or failed")
			.tag("outcome", outcome)
			.tag("method", orUnknown(method))
			.tag("reason", orUnknown(reason))
			.register(this.registry)
			.increment();
	}

	private void theft(String kind) {
		counter(TOKEN_THEFTS).description("Used remember-me or API renewal tokens that came back")
			.tag("kind", kind)
			.register(this.registry)
			.increment();
	}

	private Counter.Builder counter(String name) {
		return Counter.builder(name).tag(PowMeters.REALM_TAG, this.realm);
	}

	private static String orUnknown(String value) {
		return (value != null) ? value : UNKNOWN;
	}

}
