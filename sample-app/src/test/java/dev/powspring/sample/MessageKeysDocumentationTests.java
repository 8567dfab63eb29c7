package dev.powspring.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.powspring.admin.AdminAutoConfiguration;
import dev.powspring.api.ApiAutoConfiguration;
import dev.powspring.emailconfirmation.EmailConfirmationAutoConfiguration;
import dev.powspring.invitation.InvitationAutoConfiguration;
import dev.powspring.magiclink.MagicLinkAutoConfiguration;
import dev.powspring.passkeys.PasskeysAutoConfiguration;
import dev.powspring.persistentsession.PersistentSessionAutoConfiguration;
import dev.powspring.resetpassword.ResetPasswordAutoConfiguration;
import dev.powspring.twofactor.TwoFactorAutoConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/messages.md} lists every message key of the core and the extensions with its
 * English text, exactly as the bundles in the jars have them; the sample app has every
 * module on its classpath.
 */
class MessageKeysDocumentationTests {

	private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| (.*) \\|$", Pattern.MULTILINE);

	@Test
	void docsListEveryKeyWithItsEnglishText() throws IOException {
		Map<String, String> bundles = new LinkedHashMap<>();
		for (String basename : List.of("dev/powspring/messages", ResetPasswordAutoConfiguration.MESSAGES_BASENAME,
				EmailConfirmationAutoConfiguration.MESSAGES_BASENAME, InvitationAutoConfiguration.MESSAGES_BASENAME,
				PersistentSessionAutoConfiguration.MESSAGES_BASENAME, ApiAutoConfiguration.MESSAGES_BASENAME,
				AdminAutoConfiguration.MESSAGES_BASENAME, PasskeysAutoConfiguration.MESSAGES_BASENAME,
				TwoFactorAutoConfiguration.MESSAGES_BASENAME, MagicLinkAutoConfiguration.MESSAGES_BASENAME)) {
			bundles.putAll(load(basename + ".properties"));
		}

		Map<String, String> documented = new LinkedHashMap<>();
		Matcher rows = ROW.matcher(Files.readString(Path.of("..", "docs", "messages.md")));
		while (rows.find()) {
			String text = rows.group(2).replace("\\|", "|");
			documented.put(rows.group(1), text.equals("(empty)") ? "" : text);
		}

		assertThat(documented).isEqualTo(bundles);
	}

	private static Map<String, String> load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream stream = MessageKeysDocumentationTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(stream).as(resource).isNotNull();
			properties.load(new InputStreamReader(stream, StandardCharsets.UTF_8));
		}
		Map<String, String> messages = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach((key) -> messages.put(key, properties.getProperty(key).strip()));
		return messages;
	}

}
