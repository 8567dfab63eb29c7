package dev.powspring.realm;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Hands a realm's requests to the realm's own Pow controllers (mapped under its prefix in
 * its context) ahead of the application's mappings, with Pow's interceptors of the realm.
 */
public class PowRealmsHandlerMapping implements HandlerMapping, Ordered {

	private final PowRealms realms;

	private final HandlerInterceptor interceptor;

	public PowRealmsHandlerMapping(PowRealms realms, HandlerInterceptor interceptor) {
		this.realms = realms;
		this.interceptor = interceptor;
	}

	@Override
	public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
		String name = PowRealm.of(request);
		if (PowRealm.DEFAULT.equals(name)) {
			return null;
		}
		HandlerExecutionChain chain = this.realms.realm(name).handlerMapping.getHandler(request);
		return (chain != null) ? new HandlerExecutionChain(chain.getHandler(), this.interceptor) : null;
	}

	@Override
	public int getOrder() {
		// Before the application's annotated controllers, which Spring orders at 0.
		return -1;
	}

}
