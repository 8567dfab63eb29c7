package dev.powspring.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.powspring.user.PowUser;
import dev.powspring.user.PowUserValidator;
import dev.powspring.user.UserParams;

import org.springframework.validation.Errors;

/**
 * Refuses a new password that is among the 10,000 most common ones (ASVS 5.0 V6.2.4),
 * whatever its case. The list ships in Pow's jar as
 * {@code dev/powspring/password/common-passwords.txt}, with its license beside it.
 */
public class CommonPasswordCheck implements PowUserValidator {

	/** Message code of the field error. */
	public static final String CODE = "pow.validation.common";

	private static final String LIST = "common-passwords.txt";

	private final Set<String> common;

	/**
	 * Create an instance with the list shipped in Pow's jar.
	 */
	public CommonPasswordCheck() {
		this.common = load();
	}

	@Override
	public void validate(PowUser candidate, UserParams params, Errors errors) {
		String password = params.getPassword();
		if (password != null && !errors.hasFieldErrors("password")
				&& this.common.contains(password.toLowerCase(Locale.ROOT))) {
			errors.rejectValue("password", CODE);
		}
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>(16_384);
		try (InputStream in = CommonPasswordCheck.class.getResourceAsStream(LIST)) {
			if (in == null) {
				throw new IllegalStateException("The common-password list " + LIST + " is missing from Pow's jar");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					passwords.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}

}
