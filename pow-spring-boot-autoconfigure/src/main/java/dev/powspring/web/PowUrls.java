package dev.powspring.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds the absolute links that go into mails: from {@code pow.base-url} when it is set,
 * else from the request that caused the mail.
 */
public class PowUrls {

	private final String baseUrl;

	/**
	 * Create an instance.
	 * @param baseUrl the configured base URL, such as {@code https://notes.example}, or
	 * {@code null} to use the request's
	 */
	public PowUrls(String baseUrl) {
		this.baseUrl = StringUtils.hasText(baseUrl) ? StringUtils.trimTrailingCharacter(baseUrl.trim(), '/') : null;
	}

	/**
	 * Return the absolute URL of a path of this application.
	 * @param request the current request
	 * @param path the path, starting with {@code /}
	 * @return the absolute URL
	 */
	public String absolute(HttpServletRequest request, String path) {
		if (this.baseUrl != null) {
			return this.baseUrl + path;
		}
		return ServletUriComponentsBuilder.fromContextPath(request).path(path).build().toUriString();
	}

}
