package dev.powspring.mail;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.exceptions.TemplateInputException;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PowMailTemplates} rendering the test templates under
 * {@code templates/pow/mail/} with subjects from a message source.
 */
class PowMailTemplatesTests {

	private static final String URL = "https://notes.example/reset-password/abc";

	private final GenericApplicationContext applicationContext = new GenericApplicationContext();

	private PowMailTemplates templates;

	@BeforeEach
	void setUp() {
		this.applicationContext.refresh();
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("test.notice.subject", Locale.ENGLISH, "Your notice");
		messages.addMessage("test.notice.greeting", Locale.ENGLISH, "Hello, {0}");
		messages.addMessage("test.notice.instructions", Locale.ENGLISH, "Open the link");
		messages.addMessage("test.notice.ignore", Locale.ENGLISH, "Didn't ask for this? Ignore this mail & relax.");
		messages.addMessage("test.notice.subject", Locale.GERMAN, "Deine Benachrichtigung für heute");
		messages.addMessage("test.notice.greeting", Locale.GERMAN, "Hallo, {0}");
		messages.addMessage("test.notice.instructions", Locale.GERMAN, "Öffne den Link");
		messages.addMessage("test.notice.ignore", Locale.GERMAN, "Nicht angefordert? Ignoriere diese E-Mail.");
		this.templates = new PowMailTemplates(this.applicationContext, messages);
	}

	@AfterEach
	void tearDown() {
		this.applicationContext.close();
	}

	@Test
	void renderThenRecipientAndSubjectFromMessageSource() {
		PowMail mail = render("test_notice", Locale.ENGLISH, "Jane");

		assertThat(mail.to()).isEqualTo("jane@example.com");
		assertThat(mail.subject()).isEqualTo("Your notice");
	}

	@Test
	void renderThenTextBodyContainsMessagesAndUrl() {
		PowMail mail = render("test_notice", Locale.ENGLISH, "Jane");

		assertThat(mail.text()).contains("Hello, Jane")
			.contains("Open the link")
			.contains(URL)
			.contains("Pow · notes.example")
			.doesNotContain("[[")
			.doesNotContain("<");
	}

	@Test
	void renderThenHtmlBodyLinksToUrl() {
		PowMail mail = render("test_notice", Locale.ENGLISH, "Jane");

		assertThat(mail.html()).contains("<a href=\"" + URL + "\">Open the link</a>")
			.contains("<p>Hello, Jane</p>")
			.contains("Pow · notes.example")
			.doesNotContain("th:");
	}

	@Test
	void renderWhenVariableContainsMarkupThenHtmlEscapesIt() {
		PowMail mail = render("test_notice", Locale.ENGLISH, "<script>alert('x')</script>");

		assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
	}

	@Test
	void renderWhenVariableContainsMarkupThenTextBodyKeepsItVerbatim() {
		PowMail mail = render("test_notice", Locale.ENGLISH, "O'Brien & <Co>");

		assertThat(mail.text()).contains("Hello, O'Brien & <Co>")
			.contains("Didn't ask for this? Ignore this mail & relax.")
			.doesNotContain("&amp;")
			.doesNotContain("&#39;");
	}

	@Test
	void renderWhenMessageContainsApostropheAndAmpersandThenHtmlEscapesThem() {
		PowMail mail = render("test_notice", Locale.ENGLISH, "Jane");

		assertThat(mail.html()).contains("Didn&#39;t ask for this? Ignore this mail &amp; relax.");
	}

	@Test
	void renderWhenUrlContainsAmpersandThenHtmlEscapesItInHref() {
		PowMail mail = this.templates.render("test_notice", "jane@example.com", "test.notice.subject",
				Map.of("url", "https://notes.example/r?a=1&b=2", "name", "Jane"), Locale.ENGLISH);

		assertThat(mail.html()).contains("href=\"https://notes.example/r?a=1&amp;b=2\"");
		assertThat(mail.text()).contains("https://notes.example/r?a=1&b=2");
	}

	@Test
	void renderWhenGermanLocaleThenGermanSubjectAndBodies() {
		PowMail mail = render("test_notice", Locale.GERMAN, "Jana");

		assertThat(mail.subject()).isEqualTo("Deine Benachrichtigung für heute");
		assertThat(mail.text()).contains("Hallo, Jana").contains("Öffne den Link").contains(URL);
		assertThat(mail.html()).contains("<a href=\"" + URL + "\">Öffne den Link</a>");
	}

	@Test
	void renderWhenLocalesAlternateThenEachRenderedInItsOwn() {
		assertThat(render("test_notice", Locale.GERMAN, "Jana").text()).contains("Hallo, Jana");
		assertThat(render("test_notice", Locale.ENGLISH, "Jane").text()).contains("Hello, Jane");
		assertThat(render("test_notice", Locale.GERMAN, "Jana").text()).contains("Hallo, Jana");
	}

	@Test
	void renderWhenOnlyTextTemplateThenHtmlNull() {
		PowMail mail = render("test_textonly", Locale.ENGLISH, "Jane");

		assertThat(mail.text()).contains("Only text: " + URL);
		assertThat(mail.html()).isNull();
	}

	@Test
	void renderWhenNoTemplateThenFails() {
		assertThatExceptionOfType(TemplateInputException.class)
			.isThrownBy(() -> render("does_not_exist", Locale.ENGLISH, "Jane"));
	}

	@Test
	void renderWhenSubjectKeyUnknownThenFails() {
		assertThatExceptionOfType(NoSuchMessageException.class)
			.isThrownBy(() -> this.templates.render("test_notice", "jane@example.com", "test.unknown.subject",
					Map.of("url", URL, "name", "Jane"), Locale.ENGLISH));
	}

	@Test
	void toStringThenBodiesWithTokensLeftOut() {
		PowMail mail = render("test_notice", Locale.ENGLISH, "Jane");

		assertThat(mail.toString()).contains("jane@example.com").contains("Your notice").doesNotContain(URL);
	}

	private PowMail render(String name, Locale locale, String recipientName) {
		return this.templates.render(name, "jane@example.com", "test.notice.subject",
				Map.of("url", URL, "name", recipientName), locale);
	}

}
