package dev.powspring.web;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.powspring.tenant.PowTenantContext;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds the absolute links that go into mails: from {@code pow.base-url} when it is set.
 * Without it, from the request that caused the mail, but only when the request's host is
 * trusted: a loopback host, or one listed in {@code pow.allowed-hosts}. The host comes
 * from the client, so a link built from any other host could send a reset link to an
 * attacker's server.
 */
public class PowUrls {

	private static final Log logger = LogFactory.getLog(PowUrls.class);

	/** Placeholder in {@code pow.base-url} that stands for the current tenant's id. */
	public static final String TENANT_PLACEHOLDER = "{tenant}";

	private final String baseUrl;

	private final Set<String> allowedHosts;

	/**
	 * Create an instance.
	 * @param baseUrl the configured base URL, such as {@code https://notes.example}, or
	 * {@code null} to use the request's
	 * @param allowedHosts the hosts, besides loopback ones, that a request's own URL may
	 * be used for when there is no base URL
	 */
	public PowUrls(String baseUrl, Collection<String> allowedHosts) {
		this.baseUrl = StringUtils.hasText(baseUrl) ? StringUtils.trimTrailingCharacter(baseUrl.trim(), '/') : null;
		this.allowedHosts = allowedHosts.stream()
			.map((host) -> host.trim().toLowerCase(Locale.ROOT))
			.filter(StringUtils::hasText)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Return the absolute URL of a path of this application.
	 * @param request the current request
	 * @param path the path, starting with {@code /}
	 * @return the absolute URL, or empty when there is no base URL and the request's host
	 * is not trusted (logged as an error)
	 */
	public Optional<String> absolute(HttpServletRequest request, String path) {
		if (this.baseUrl != null) {
			// In a multitenant application, "https://{tenant}.example.com" links each
			// tenant's mails to its own host.
			String tenant = PowTenantContext.current().orElse(null);
			String baseUrl = (tenant != null) ? this.baseUrl.replace(TENANT_PLACEHOLDER, tenant) : this.baseUrl;
			return Optional.of(baseUrl + path);
		}
		String host = request.getServerName();
		if (!isTrusted(host)) {
			logger.error("Refused to build a link to " + path.replaceFirst("^(/[^/]+/).*$", "$1")
					+ "... for the untrusted host '" + StringUtils.truncate(String.valueOf(host), 100)
					+ "': no mail was sent. Set pow.base-url to the application's public URL, or list the host in "
					+ "pow.allowed-hosts.");
			return Optional.empty();
		}
		return Optional.of(ServletUriComponentsBuilder.fromContextPath(request).path(path).build().toUriString());
	}

	private boolean isTrusted(String host) {
		if (host == null) {
			return false;
		}
		String normalized = host.toLowerCase(Locale.ROOT);
		return isLoopback(normalized) || this.allowedHosts.contains(normalized);
	}

	private static boolean isLoopback(String host) {
		return host.equals("localhost") || host.equals("[::1]") || host.equals("::1")
				|| host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
	}

}
