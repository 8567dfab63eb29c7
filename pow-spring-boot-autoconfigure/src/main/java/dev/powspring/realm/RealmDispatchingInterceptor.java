package dev.powspring.realm;

import java.util.ArrayList;
import java.util.List;

import dev.powspring.web.PowHandlers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Pow's interceptors (CSRF, guards, headers, page settings) of the request's realm: the
 * default realm's for its requests, a realm's own for those under its prefix. A realm's
 * requests also see its messages first and render its templates where it has them.
 */
public class RealmDispatchingInterceptor implements HandlerInterceptor {

	private static final String APPLIED_ATTRIBUTE = RealmDispatchingInterceptor.class.getName() + ".applied";

	private final List<Object> defaultInterceptors;

	private final PowRealms realms;

	public RealmDispatchingInterceptor(List<Object> defaultInterceptors, PowRealms realms) {
		this.defaultInterceptors = List.copyOf(defaultInterceptors);
		this.realms = realms;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		PowRealms.Realm realm = realmOf(request);
		if (realm != null) {
			request.setAttribute(RealmAwareMessageSource.BUNDLE_ATTRIBUTE, realm.bundle);
		}
		List<HandlerInterceptor> applied = new ArrayList<>();
		request.setAttribute(APPLIED_ATTRIBUTE, applied);
		for (Object candidate : (realm != null) ? realm.interceptors : this.defaultInterceptors) {
			HandlerInterceptor interceptor = applicable(candidate, request);
			if (interceptor == null) {
				continue;
			}
			if (!interceptor.preHandle(request, response, handler)) {
				afterCompletion(request, response, handler, null);
				return false;
			}
			applied.add(interceptor);
		}
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) throws Exception {
		List<HandlerInterceptor> applied = applied(request);
		for (int i = applied.size() - 1; i >= 0; i--) {
			applied.get(i).postHandle(request, response, handler, modelAndView);
		}
		PowRealms.Realm realm = realmOf(request);
		if (realm != null && modelAndView != null && PowHandlers.isPows(handler)) {
			modelAndView.setViewName(realm.templates.viewName(modelAndView.getViewName()));
		}
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) throws Exception {
		List<HandlerInterceptor> applied = applied(request);
		for (int i = applied.size() - 1; i >= 0; i--) {
			try {
				applied.get(i).afterCompletion(request, response, handler, ex);
			}
			catch (Exception | Error failure) {
				// As the DispatcherServlet does: one failing callback does not stop the others.
			}
		}
		applied.clear();
	}

	private PowRealms.Realm realmOf(HttpServletRequest request) {
		String name = PowRealm.of(request);
		return PowRealm.DEFAULT.equals(name) ? null : this.realms.realm(name);
	}

	@SuppressWarnings("unchecked")
	private static List<HandlerInterceptor> applied(HttpServletRequest request) {
		return (request.getAttribute(APPLIED_ATTRIBUTE) instanceof List<?> list) ? (List<HandlerInterceptor>) list
				: new ArrayList<>();
	}

	private static HandlerInterceptor applicable(Object candidate, HttpServletRequest request) {
		if (candidate instanceof MappedInterceptor mapped) {
			return mapped.matches(request) ? mapped.getInterceptor() : null;
		}
		return (candidate instanceof HandlerInterceptor interceptor) ? interceptor : null;
	}

}
