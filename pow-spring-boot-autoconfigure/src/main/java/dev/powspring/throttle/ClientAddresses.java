package dev.powspring.throttle;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.StringUtils;

/**
 * The client's address, for per-address limits: the connection's remote address, or, only
 * when configured behind a proxy that sets it, the first address of a header such as
 * {@code X-Forwarded-For}. A client can write that header itself, so it is never trusted
 * unless configured.
 */
public class ClientAddresses {

	private final String header;

	/**
	 * Create an instance.
	 * @param header the header a trusted proxy sets with the client's address, or
	 * {@code null} to use the connection's address
	 */
	public ClientAddresses(String header) {
		this.header = StringUtils.hasText(header) ? header : null;
	}

	/**
	 * Return the client's address.
	 * @param request the request
	 * @return the address
	 */
	public String of(HttpServletRequest request) {
		if (this.header != null) {
			String forwarded = request.getHeader(this.header);
			if (StringUtils.hasText(forwarded)) {
				return forwarded.split(",")[0].trim();
			}
		}
		return request.getRemoteAddr();
	}

}
