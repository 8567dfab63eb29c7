package dev.powspring.messages;

import java.util.List;

import dev.powspring.realm.RealmAwareMessageSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Puts Pow's bundles at the end of the application's {@code messageSource} chain, so every
 * {@code pow.*} key resolves in templates and code while the application's own messages
 * take precedence.
 */
public class PowMessageSourcePostProcessor implements BeanPostProcessor {

	private final ObjectProvider<PowMessageBundle> bundles;

	private final boolean realmAware;

	public PowMessageSourcePostProcessor(ObjectProvider<PowMessageBundle> bundles) {
		this(bundles, false);
	}

	/**
	 * Create an instance.
	 * @param bundles Pow's message bundles
	 * @param realmAware whether the application declares realms, whose requests see their
	 * realm's messages first (see {@link RealmAwareMessageSource})
	 */
	public PowMessageSourcePostProcessor(ObjectProvider<PowMessageBundle> bundles, boolean realmAware) {
		this.bundles = bundles;
		this.realmAware = realmAware;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(beanName)
				&& bean instanceof HierarchicalMessageSource messageSource) {
			HierarchicalMessageSource last = messageSource;
			while (last.getParentMessageSource() instanceof HierarchicalMessageSource parent) {
				last = parent;
			}
			if (last.getParentMessageSource() == null) {
				last.setParentMessageSource(powMessageSource(this.bundles.orderedStream().toList()));
			}
			return this.realmAware ? new RealmAwareMessageSource(messageSource) : bean;
		}
		return bean;
	}

	static MessageSource powMessageSource(List<PowMessageBundle> bundles) {
		ResourceBundleMessageSource messageSource = new ResourceBundleMessageSource();
		messageSource.setBasenames(bundles.stream().map(PowMessageBundle::basename).toArray(String[]::new));
		messageSource.setDefaultEncoding("UTF-8");
		// An unsupported locale gets English, not the server's language.
		messageSource.setFallbackToSystemLocale(false);
		return messageSource;
	}

}
