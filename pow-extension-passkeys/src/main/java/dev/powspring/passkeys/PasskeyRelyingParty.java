package dev.powspring.passkeys;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.powspring.tenant.PowTenantContext;
import dev.powspring.web.PowUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Who passkeys are registered with: the relying party id (a domain) and name, and the
 * origins a ceremony may come from. They come from {@code pow.passkeys.rp-id} and
 * {@code pow.passkeys.origins}, else from {@code pow.base-url}. With neither, from the
 * request, but only when its host is trusted (a loopback host, or one listed in
 * {@code pow.allowed-hosts}), as Pow's mail links are built: the host comes from the
 * client, and a passkey bound to a host an attacker named would be worthless.
 */
public class PasskeyRelyingParty {

	private static final Log logger = LogFactory.getLog(PasskeyRelyingParty.class);

	private final String rpId;

	private final String rpName;

	private final List<String> origins;

	private final String baseUrl;

	private final Set<String> allowedHosts;

	/**
	 * Create an instance.
	 * @param rpId the configured relying party id, or {@code null}
	 * @param rpName the configured name, or {@code null} to show the relying party id
	 * @param origins the configured origins, possibly empty
	 * @param baseUrl {@code pow.base-url}, or {@code null}
	 * @param allowedHosts hosts besides loopback ones whose requests may name the relying
	 * party when nothing is configured
	 */
	public PasskeyRelyingParty(String rpId, String rpName, List<String> origins, String baseUrl,
			Collection<String> allowedHosts) {
		this.rpId = StringUtils.hasText(rpId) ? rpId.trim().toLowerCase(Locale.ROOT) : null;
		this.rpName = StringUtils.hasText(rpName) ? rpName.trim() : null;
		this.origins = origins.stream()
			.filter(StringUtils::hasText)
			.map((origin) -> StringUtils.trimTrailingCharacter(origin.trim(), '/'))
			.toList();
		this.baseUrl = StringUtils.hasText(baseUrl) ? baseUrl.trim() : null;
		this.allowedHosts = allowedHosts.stream()
			.map((host) -> host.trim().toLowerCase(Locale.ROOT))
			.filter(StringUtils::hasText)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Return whether the relying party is taken from each request's host, as neither an
	 * RP ID nor a base URL is configured.
	 * @return {@code true} when it is
	 */
	public boolean fromRequests() {
		return this.rpId == null && this.baseUrl == null;
	}

	/**
	 * Return the relying party for a request.
	 * @param request the request
	 * @return the relying party, or empty when nothing is configured and the request's
	 * host is not trusted (logged as an error)
	 */
	public Optional<Settings> resolve(HttpServletRequest request) {
		UriComponents base = baseUrl();
		String id = this.rpId;
		if (id == null && base != null) {
			id = base.getHost();
		}
		Set<String> origins = new LinkedHashSet<>(this.origins);
		if (origins.isEmpty() && base != null) {
			origins.add(origin(base.getScheme(), base.getHost(), base.getPort()));
		}
		if (id == null || origins.isEmpty()) {
			String host = request.getServerName();
			if (!isTrusted(host)) {
				logger.error("Refused a passkey ceremony for the untrusted host '"
						+ StringUtils.truncate(String.valueOf(host), 100)
						+ "'. Set pow.base-url (or pow.passkeys.rp-id and pow.passkeys.origins), "
						+ "or list the host in pow.allowed-hosts.");
				return Optional.empty();
			}
			if (id == null) {
				id = host.toLowerCase(Locale.ROOT);
			}
			if (origins.isEmpty()) {
				origins.add(origin(request.getScheme(), host, request.getServerPort()));
			}
		}
		return Optional.of(new Settings(id, (this.rpName != null) ? this.rpName : id, Set.copyOf(origins)));
	}

	private UriComponents baseUrl() {
		if (this.baseUrl == null) {
			return null;
		}
		String tenant = PowTenantContext.current().orElse(null);
		String url = (tenant != null) ? this.baseUrl.replace(PowUrls.TENANT_PLACEHOLDER, tenant) : this.baseUrl;
		return UriComponentsBuilder.fromUriString(url).build();
	}

	private boolean isTrusted(String host) {
		if (host == null) {
			return false;
		}
		String normalized = host.toLowerCase(Locale.ROOT);
		return normalized.equals("localhost") || normalized.equals("[::1]") || normalized.equals("::1")
				|| normalized.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || this.allowedHosts.contains(normalized);
	}

	// As browsers write an origin: the default port left out.
	private static String origin(String scheme, String host, int port) {
		boolean defaultPort = port < 0 || ("http".equalsIgnoreCase(scheme) && port == 80)
				|| ("https".equalsIgnoreCase(scheme) && port == 443);
		return scheme.toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

	/**
	 * The relying party as one request sees it.
	 *
	 * @param id the relying party id, a domain
	 * @param name the name authenticators show
	 * @param origins the origins a ceremony may come from
	 */
	public record Settings(String id, String name, Set<String> origins) {

	}

}
