package dev.powspring.web;

import org.springframework.web.method.HandlerMethod;

/**
 * Tells Pow's own handlers from the application's.
 */
public final class PowHandlers {

	private PowHandlers() {
	}

	/**
	 * Tell whether a handler is a method of a {@link PowController @PowController}: one of
	 * Pow's controllers, core or extension, or an application's subclass of one.
	 * @param handler the handler
	 * @return {@code true} when it is Pow's
	 */
	public static boolean isPows(Object handler) {
		return handler instanceof HandlerMethod handlerMethod
				&& handlerMethod.getBeanType().isAnnotationPresent(PowController.class);
	}

}
