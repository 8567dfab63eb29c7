package dev.powspring.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/templates.md} describes every page template of the core and the extensions,
 * and every slot they have; the sample app has every module on its classpath.
 */
class TemplatesDocumentationTests {

	private static final Pattern SLOT = Pattern.compile("forSlot\\('([^']+)'\\)");

	@Test
	void docsDescribeEveryPageTemplateAndEverySlot() throws IOException {
		String docs = Files.readString(Path.of("..", "docs", "templates.md"));
		Resource[] templates = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:templates/pow/**/*.html");
		assertThat(templates).isNotEmpty();

		for (Resource template : templates) {
			String url = template.getURL().toString();
			String name = url.substring(url.indexOf("templates/") + "templates/".length(), url.length());
			if (name.startsWith("pow/mail/") || name.startsWith("pow/mailbox/") || name.endsWith("fragments.html")
					|| name.endsWith("custom-fields.html")) {
				continue;
			}
			assertThat(docs).as("docs/templates.md describes %s", name).contains("`" + name + "`");
			Matcher slots = SLOT.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			while (slots.find()) {
				assertThat(docs).as("docs/templates.md names the slot %s", slots.group(1))
					.contains("`" + slots.group(1) + "`");
			}
		}
	}

}
