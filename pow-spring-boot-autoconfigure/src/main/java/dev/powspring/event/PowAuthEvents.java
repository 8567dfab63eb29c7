package dev.powspring.event;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.powspring.throttle.ClientAddresses;
import dev.powspring.user.PowUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Publishes {@link PowAuthEvent}s, filling in what every event carries: the realm, the
 * client's address and user agent from the request, and the time from Pow's
 * {@code Clock}. Pow's code and its extensions publish through it:
 * <pre class="code">
 * events.of(PowAuthEventType.SIGNED_IN, user).detail(PowAuthEvent.METHOD, "password").publish(request);
 * </pre>
 */
public class PowAuthEvents {

	private static final int USER_AGENT_MAX_LENGTH = 512;

	private final ApplicationEventPublisher publisher;

	private final ClientAddresses clientAddresses;

	private final Clock clock;

	private final String realm;

	/**
	 * Create an instance.
	 * @param publisher publishes the events in the application context
	 * @param clientAddresses reads the client's address
	 * @param clock the clock for the time of events
	 * @param realm the name of the realm whose events these are
	 */
	public PowAuthEvents(ApplicationEventPublisher publisher, ClientAddresses clientAddresses, Clock clock,
			String realm) {
		this.publisher = publisher;
		this.clientAddresses = clientAddresses;
		this.clock = clock;
		this.realm = realm;
	}

	/**
	 * Return the realm whose events these are, so that a listener can tell its own realm's
	 * events from those a realm's context passes on to the application's.
	 * @return the realm's name
	 */
	public String realm() {
		return this.realm;
	}

	/**
	 * Start an event about a user.
	 * @param type what happened
	 * @param user the user, or {@code null} when unknown
	 * @return the event, to add details to and publish
	 */
	public Draft of(PowAuthEventType type, PowUser user) {
		return of(type, (user != null) ? user.getId() : null);
	}

	/**
	 * Start an event about a user known by primary key.
	 * @param type what happened
	 * @param userId the user's primary key, or {@code null} when unknown
	 * @return the event, to add details to and publish
	 */
	public Draft of(PowAuthEventType type, Long userId) {
		return new Draft(type, userId);
	}

	private void publish(Draft draft, HttpServletRequest request) {
		HttpServletRequest source = (request != null) ? request : currentRequest();
		String clientAddress = (source != null) ? this.clientAddresses.of(source) : null;
		String userAgent = (source != null) ? truncate(source.getHeader("User-Agent")) : null;
		this.publisher.publishEvent(new PowAuthEvent(draft.type, draft.userId, draft.actorId, this.realm,
				clientAddress, userAgent, this.clock.instant(), draft.details));
	}

	private static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

	private static String truncate(String userAgent) {
		return (userAgent != null && userAgent.length() > USER_AGENT_MAX_LENGTH)
				? userAgent.substring(0, USER_AGENT_MAX_LENGTH) : userAgent;
	}

	/**
	 * An event being written: add details, then publish it once.
	 */
	public final class Draft {

		private final PowAuthEventType type;

		private final Long userId;

		private Long actorId;

		private final Map<String, String> details = new LinkedHashMap<>();

		private Draft(PowAuthEventType type, Long userId) {
			this.type = type;
			this.userId = userId;
		}

		/**
		 * Add a detail; a {@code null} value adds nothing. Never a secret.
		 * @param name the detail's name
		 * @param value its value
		 * @return this draft
		 */
		public Draft detail(String name, Object value) {
			if (value != null) {
				this.details.put(name, String.valueOf(value));
			}
			return this;
		}

		/**
		 * Name the admin who did it.
		 * @param actorId the admin's primary key
		 * @return this draft
		 */
		public Draft actor(Long actorId) {
			this.actorId = actorId;
			return this;
		}

		/**
		 * Publish the event, with the client of the given request.
		 * @param request the request it happened in, or {@code null} for the current one
		 */
		public void publish(HttpServletRequest request) {
			PowAuthEvents.this.publish(this, request);
		}

		/**
		 * Publish the event, with the client of the current request, if any.
		 */
		public void publish() {
			publish(null);
		}

	}

}
