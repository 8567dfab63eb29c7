package dev.powspring.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.powspring.user.PowUser;
import dev.powspring.user.PowUserValidator;
import dev.powspring.user.UserParams;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * Refuses a new password built from what an attacker would try first for this account
 * (ASVS 5.0 V6.2.11): the user's own id, the parts of an email address (its local part and
 * the labels of its domain), and the application's context words, such as its name. Words
 * shorter than {@value #MIN_WORD_LENGTH} characters are ignored, so that a short name does
 * not forbid every password containing it by chance. Case is ignored.
 */
public class ContextWordsPasswordCheck implements PowUserValidator {

	/** Message code of the field error. */
	public static final String CODE = "pow.validation.context-words";

	/** Shortest word that counts. */
	public static final int MIN_WORD_LENGTH = 4;

	private final List<String> contextWords;

	/**
	 * Create an instance.
	 * @param contextWords the application's own words, such as its name
	 */
	public ContextWordsPasswordCheck(List<String> contextWords) {
		this.contextWords = contextWords.stream()
			.filter(StringUtils::hasText)
			.map((word) -> word.trim().toLowerCase(Locale.ROOT))
			.filter((word) -> word.length() >= MIN_WORD_LENGTH)
			.toList();
	}

	@Override
	public void validate(PowUser candidate, UserParams params, Errors errors) {
		String password = params.getPassword();
		if (password == null || password.isEmpty() || errors.hasFieldErrors("password")) {
			return;
		}
		String lowered = password.toLowerCase(Locale.ROOT);
		if (words(candidate.getUserId()).stream().anyMatch(lowered::contains)) {
			errors.rejectValue("password", CODE);
		}
	}

	private List<String> words(String userId) {
		List<String> words = new ArrayList<>(this.contextWords);
		if (StringUtils.hasText(userId)) {
			String id = userId.toLowerCase(Locale.ROOT);
			words.add(id);
			int at = id.indexOf('@');
			if (at > 0) {
				words.add(id.substring(0, at));
				for (String label : id.substring(at + 1).split("\\.")) {
					words.add(label);
				}
			}
		}
		return words.stream().filter((word) -> word.length() >= MIN_WORD_LENGTH).toList();
	}

}
