package dev.powspring.password;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import dev.powspring.user.PowUser;
import dev.powspring.user.PowUserValidator;
import dev.powspring.user.UserParams;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.validation.Errors;

/**
 * Refuses a new password found in public breach corpora (ASVS 5.0 V6.2.12), through the
 * k-anonymity range API that such corpora offer: only the first five hexadecimal
 * characters of the password's SHA-1 leave the application, and the service answers with
 * the suffixes of every breached hash under that prefix. When the service cannot answer in
 * time, the password is let through and a warning is logged, so an outage elsewhere never
 * stops sign-ups.
 */
public class BreachedPasswordCheck implements PowUserValidator {

	/** Message code of the field error. */
	public static final String CODE = "pow.validation.breached";

	private static final Log logger = LogFactory.getLog(BreachedPasswordCheck.class);

	private static final int PREFIX_LENGTH = 5;

	private final URI rangeUrl;

	private final Duration timeout;

	private final HttpClient client;

	/**
	 * Create an instance.
	 * @param rangeUrl the range API, to which the five-character prefix is appended, such
	 * as {@code https://api.pwnedpasswords.com/range/}
	 * @param timeout how long to wait for an answer
	 */
	public BreachedPasswordCheck(String rangeUrl, Duration timeout) {
		this.rangeUrl = URI.create(rangeUrl.endsWith("/") ? rangeUrl : rangeUrl + "/");
		this.timeout = timeout;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public void validate(PowUser candidate, UserParams params, Errors errors) {
		String password = params.getPassword();
		if (password == null || password.isEmpty() || errors.hasFieldErrors("password")) {
			return;
		}
		String hash = sha1(password);
		String prefix = hash.substring(0, PREFIX_LENGTH);
		String suffix = hash.substring(PREFIX_LENGTH);
		try {
			HttpRequest request = HttpRequest.newBuilder(this.rangeUrl.resolve(prefix))
				.timeout(this.timeout)
				.header("Add-Padding", "true")
				.GET()
				.build();
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				logger.warn("The breached-password service answered " + response.statusCode()
						+ "; the password was not checked");
				return;
			}
			if (breached(response.body(), suffix)) {
				errors.rejectValue("password", CODE);
			}
		}
		catch (IOException ex) {
			logger.warn("The breached-password service did not answer (" + ex + "); the password was not checked");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// Lines are "SUFFIX:COUNT"; padding lines have a count of 0.
	private static boolean breached(String body, String suffix) {
		return body.lines().anyMatch((line) -> {
			int colon = line.indexOf(':');
			return colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(suffix)
					&& !line.substring(colon + 1).trim().equals("0");
		});
	}

	private static String sha1(String password) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
