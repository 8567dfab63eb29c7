package dev.powspring.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.powspring.user.PowUser;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.util.StringUtils;

/**
 * Renders mails from Thymeleaf templates: {@code templates/pow/mail/NAME.txt} for the
 * text body and, when present, {@code templates/pow/mail/NAME.html} for the HTML body. An
 * application overrides one by placing a file at the same path. Subjects come from the
 * {@code MessageSource}.
 * <p>
 * In the text templates, write values as {@code [(${url})]} and
 * {@code [(#{some.key})]}: Thymeleaf's escaped form {@code [[...]]} HTML-escapes even in
 * text mode, so a link's {@code &} would arrive as {@code &amp;} and an apostrophe as
 * {@code &#39;}. The HTML templates escape as usual, with {@code th:text} and
 * {@code th:href}.
 */
public class PowMailTemplates {

	private static final String TEMPLATES = "classpath:/templates/";

	private static final String PREFIX = TEMPLATES + "pow/mail/";

	private final SpringTemplateEngine textEngine;

	private final SpringTemplateEngine htmlEngine;

	private final ApplicationContext applicationContext;

	private final MessageSource messageSource;

	private final List<String> prefixes;

	// Whether a mail has an HTML body, by template name: the templates are cached once
	// read, so the answer holds as long as they do.
	private final Map<String, Boolean> htmlTemplates = new ConcurrentHashMap<>();

	public PowMailTemplates(ApplicationContext applicationContext, MessageSource messageSource) {
		this(applicationContext, messageSource, null);
	}

	/**
	 * Create an instance that looks in a directory of its own first, as a realm does.
	 * @param applicationContext the context that loads the templates
	 * @param messageSource the messages of subjects and bodies
	 * @param directory a template directory, such as {@code pow/realms/staff}, whose
	 * {@code mail/} templates replace Pow's; {@code null} for Pow's only
	 */
	public PowMailTemplates(ApplicationContext applicationContext, MessageSource messageSource, String directory) {
		this.applicationContext = applicationContext;
		this.messageSource = messageSource;
		this.prefixes = (directory != null)
				? List.of(TEMPLATES + StringUtils.trimTrailingCharacter(directory, '/') + "/mail/", PREFIX)
				: List.of(PREFIX);
		this.textEngine = engine(".txt", TemplateMode.TEXT);
		this.htmlEngine = engine(".html", TemplateMode.HTML);
	}

	private SpringTemplateEngine engine(String suffix, TemplateMode mode) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		for (int order = 0; order < this.prefixes.size(); order++) {
			SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
			resolver.setApplicationContext(this.applicationContext);
			resolver.setPrefix(this.prefixes.get(order));
			resolver.setSuffix(suffix);
			resolver.setTemplateMode(mode);
			resolver.setCharacterEncoding("UTF-8");
			resolver.setCheckExistence(true);
			resolver.setCacheable(true);
			resolver.setOrder(order);
			engine.addTemplateResolver(resolver);
		}
		engine.setTemplateEngineMessageSource(this.messageSource);
		return engine;
	}

	/**
	 * Render a mail.
	 * @param name the template name under {@code templates/pow/mail/}, such as
	 * {@code reset_password}
	 * @param to the recipient
	 * @param subjectCode the message key of the subject
	 * @param variables what the templates show: the link as {@code url}, the user the
	 * mail is about as {@code user}, and anything else by name
	 * @param locale the recipient's locale
	 * @return the mail, with the assigns it was rendered from
	 */
	public PowMail render(String name, String to, String subjectCode, Map<String, Object> variables, Locale locale) {
		Context context = new Context(locale, variables);
		String subject = this.messageSource.getMessage(subjectCode, null, locale);
		String text = this.textEngine.process(name, context);
		String html = htmlTemplateExists(name) ? this.htmlEngine.process(name, context) : null;
		PowUser user = (variables.get("user") instanceof PowUser about) ? about : null;
		String link = (variables.get("url") instanceof String url) ? url : null;
		return new PowMail(to, subject, text, html, new PowMail.Assigns(name, locale, user, link, variables));
	}

	private boolean htmlTemplateExists(String name) {
		return this.htmlTemplates.computeIfAbsent(name, (template) -> this.prefixes.stream()
			.anyMatch((prefix) -> this.applicationContext.getResource(prefix + template + ".html").exists()));
	}

}
