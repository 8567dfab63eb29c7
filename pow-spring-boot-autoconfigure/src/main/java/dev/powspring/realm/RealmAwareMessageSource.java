package dev.powspring.realm;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The application's message source, asking the realm's bundle first on a realm's
 * requests, so the realm's pages, rendered by the application's template engine, show the
 * realm's messages.
 */
public final class RealmAwareMessageSource implements MessageSource {

	static final String BUNDLE_ATTRIBUTE = RealmAwareMessageSource.class.getName() + ".bundle";

	private final MessageSource application;

	public RealmAwareMessageSource(MessageSource application) {
		this.application = application;
	}

	@Override
	public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
		MessageSource realm = realmBundle();
		if (realm != null) {
			String message = realm.getMessage(code, args, null, locale);
			if (message != null) {
				return message;
			}
		}
		return this.application.getMessage(code, args, defaultMessage, locale);
	}

	@Override
	public String getMessage(String code, Object[] args, Locale locale) {
		MessageSource realm = realmBundle();
		if (realm != null) {
			String message = realm.getMessage(code, args, null, locale);
			if (message != null) {
				return message;
			}
		}
		return this.application.getMessage(code, args, locale);
	}

	@Override
	public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
		MessageSource realm = realmBundle();
		if (realm != null && resolvable.getCodes() != null) {
			for (String code : resolvable.getCodes()) {
				String message = realm.getMessage(code, resolvable.getArguments(), null, locale);
				if (message != null) {
					return message;
				}
			}
		}
		return this.application.getMessage(resolvable, locale);
	}

	private static MessageSource realmBundle() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null && attributes.getAttribute(BUNDLE_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST) instanceof MessageSource bundle) ? bundle : null;
	}

	/**
	 * Return the message source this one consults after the realm's bundle.
	 * @return the application's message source
	 */
	public MessageSource getApplicationMessageSource() {
		return this.application;
	}


}
