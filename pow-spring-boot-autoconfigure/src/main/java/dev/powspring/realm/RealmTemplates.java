package dev.powspring.realm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * A realm's template directory in front of Pow's: a page Pow renders as
 * {@code pow/session/new} comes from {@code <directory>/session/new} when the application
 * has that template, and from Pow's otherwise.
 */
final class RealmTemplates {

	private static final String POW_DIRECTORY = "pow/";

	private final String directory;

	private final ResourceLoader resources;

	private final String prefix;

	private final String suffix;

	private final Map<String, String> viewNames = new ConcurrentHashMap<>();

	RealmTemplates(String directory, ResourceLoader resources, Environment environment) {
		this.directory = directory.endsWith("/") ? directory : directory + "/";
		this.resources = resources;
		this.prefix = environment.getProperty("spring.thymeleaf.prefix", "classpath:/templates/");
		this.suffix = environment.getProperty("spring.thymeleaf.suffix", ".html");
	}

	/**
	 * Return the view to render for one of Pow's views.
	 * @param viewName the view Pow asked for
	 * @return the realm's own, when it has one, else the same view
	 */
	String viewName(String viewName) {
		if (viewName == null || !viewName.startsWith(POW_DIRECTORY)) {
			return viewName;
		}
		return this.viewNames.computeIfAbsent(viewName, (name) -> {
			String own = this.directory + name.substring(POW_DIRECTORY.length());
			return this.resources.getResource(this.prefix + own + this.suffix).exists() ? own : name;
		});
	}

}
