package dev.powspring.realm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.powspring.autoconfigure.PowProperties;
import dev.powspring.session.PowSessionFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The application's realms beside the default one, each with its own application context
 * in which Pow's beans, core and extensions, exist once more with the realm's settings.
 * <p>
 * Use it to reach a realm's beans from the application's code:
 * <pre class="code">
 * PowUsersService staff = realms.getBean("staff", PowUsersService.class);
 * </pre>
 * The contexts start with the application and close with it.
 */
public class PowRealms implements SmartInitializingSingleton, DisposableBean {

	private final ConfigurableApplicationContext application;

	private final Map<String, PowRealm> realms = new LinkedHashMap<>();

	private final Map<String, RealmContexts.RealmSettings> settings;

	private final ObjectProvider<ServletContext> servletContext;

	private final ObjectProvider<PowRealmCustomizer> customizers;

	private final List<PowRealm> byPrefixLength;

	private final Map<String, Realm> started = new ConcurrentHashMap<>();

	private final List<Realm> startOrder = new ArrayList<>();

	/**
	 * Create an instance.
	 * @param application the application's context
	 * @param realms the realms declared under {@code pow.realms}, by name
	 * @param servletContext the servlet context, for realms of a web application
	 * @param customizers what customizes each realm's context before it starts
	 */
	public PowRealms(ConfigurableApplicationContext application, Map<String, PowProperties.Realm> realms,
			ObjectProvider<ServletContext> servletContext, ObjectProvider<PowRealmCustomizer> customizers) {
		this.application = application;
		this.settings = new LinkedHashMap<>();
		Environment environment = application.getEnvironment();
		realms.forEach((name, declared) -> {
			String prefix = environment.getProperty("pow.realms." + name + ".routes.prefix", "/" + name).strip();
			String schema = StringUtils.hasText(declared.getSchema()) ? declared.getSchema() : name.replace('-', '_');
			String templates = StringUtils.hasText(declared.getTemplates()) ? declared.getTemplates()
					: "pow/realms/" + name;
			PowRealm realm = new PowRealm(name, prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix,
					schema, templates);
			this.realms.put(name, realm);
			this.settings.put(name, new RealmContexts.RealmSettings(declared.getUserClass(),
					StringUtils.hasText(declared.getMessages()) ? declared.getMessages() : "pow/realms/" + name + "/messages",
					templates));
		});
		this.servletContext = servletContext;
		this.customizers = customizers;
		List<PowRealm> ordered = new ArrayList<>(this.realms.values());
		// The longest prefix claims a path first, so /staff/admin can be a realm of its own.
		ordered.sort(Comparator.comparingInt((PowRealm realm) -> realm.prefix().length()).reversed());
		this.byPrefixLength = List.copyOf(ordered);
	}

	/**
	 * Return the declared realms, the default one excluded.
	 * @return the realms
	 */
	public List<PowRealm> realms() {
		return List.copyOf(this.realms.values());
	}

	/**
	 * Return a realm by name.
	 * @param name its name
	 * @return the realm, or empty when no such realm is declared
	 */
	public Optional<PowRealm> get(String name) {
		return Optional.ofNullable(this.realms.get(name));
	}

	/**
	 * Return the realm whose prefix a request's path falls under.
	 * @param request the request
	 * @return the realm, or empty for the default realm
	 */
	public Optional<PowRealm> realmOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.byPrefixLength.stream().filter((realm) -> realm.owns(path)).findFirst();
	}

	/**
	 * Return the application context of a realm; for {@value PowRealm#DEFAULT}, the
	 * application's.
	 * @param name the realm's name
	 * @return its context
	 * @throws IllegalArgumentException when no such realm is declared
	 */
	public ApplicationContext context(String name) {
		if (PowRealm.DEFAULT.equals(name)) {
			return this.application;
		}
		return realm(name).context;
	}

	/**
	 * Return one of a realm's beans.
	 * @param <T> the bean's type
	 * @param name the realm's name, or {@value PowRealm#DEFAULT}
	 * @param type the bean's type
	 * @return the bean
	 */
	public <T> T getBean(String name, Class<T> type) {
		return context(name).getBean(type);
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.realms.keySet().forEach(this::realm);
	}

	// Read on every request of a realm: without a lock once the realm has started.
	Realm realm(String name) {
		Realm realm = this.started.get(name);
		return (realm != null) ? realm : start(name);
	}

	private synchronized Realm start(String name) {
		Realm realm = this.started.get(name);
		if (realm != null) {
			return realm;
		}
		PowRealm declared = this.realms.get(name);
		if (declared == null) {
			throw new IllegalArgumentException("No realm '" + name + "' is declared under pow.realms; "
					+ "the declared ones are " + this.realms.keySet());
		}
		realm = create(declared);
		this.started.put(name, realm);
		this.startOrder.add(realm);
		return realm;
	}

	private Realm create(PowRealm realm) {
		GenericWebApplicationContext context = RealmContexts.create(realm, this.settings.get(realm.name()),
				this.application, this.servletContext.getIfAvailable(), this.customizers.orderedStream().toList());
		context.refresh();
		return new Realm(realm, context, this.settings.get(realm.name()));
	}

	@Override
	public synchronized void destroy() {
		List<Realm> running = new ArrayList<>(this.startOrder);
		Collections.reverse(running);
		running.forEach((realm) -> realm.context.close());
		this.started.clear();
		this.startOrder.clear();
	}

	/**
	 * A started realm and what the application's web layer hands its requests to.
	 */
	static final class Realm {

		final PowRealm realm;

		final GenericWebApplicationContext context;

		final Filter sessionFilter;

		final HandlerMapping handlerMapping;

		final List<Object> interceptors;

		final MessageSource bundle;

		final RealmTemplates templates;

		Realm(PowRealm realm, GenericWebApplicationContext context, RealmContexts.RealmSettings settings) {
			this.realm = realm;
			this.context = context;
			this.sessionFilter = context.getBeanProvider(FilterRegistrationBean.class)
				.stream()
				.map(FilterRegistrationBean::getFilter)
				.filter(PowSessionFilter.class::isInstance)
				.findFirst()
				.orElse(null);
			this.handlerMapping = context.getBean(RealmContexts.HANDLER_MAPPING_BEAN_NAME, HandlerMapping.class);
			RealmInterceptorRegistry registry = new RealmInterceptorRegistry();
			context.getBeanProvider(WebMvcConfigurer.class).orderedStream().forEach((mvc) -> mvc.addInterceptors(registry));
			this.interceptors = registry.interceptors();
			this.bundle = RealmContexts.bundle(settings.messages(), context.getClassLoader());
			this.templates = new RealmTemplates(settings.templates(), context, context.getEnvironment());
		}

	}

	static final class RealmInterceptorRegistry extends InterceptorRegistry {

		List<Object> interceptors() {
			return getInterceptors();
		}

	}

}
