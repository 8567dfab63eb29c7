package dev.powspring.security;

import java.io.IOException;

import dev.powspring.web.guard.PowAuthErrorHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

/**
 * Answers an anonymous request that Spring Security refused as Pow's guards do: a browser
 * goes to Pow's sign-in page, with {@code request_path} and the "sign in" notice; an API
 * client gets Pow's JSON 401.
 */
public class PowAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final PowAuthErrorHandler errorHandler;

	private final FlashMapManager flashMapManager;

	/**
	 * Create an instance.
	 * @param errorHandler Pow's answers
	 * @param flashMapManager carries the notice to the sign-in page, or {@code null}
	 */
	public PowAuthenticationEntryPoint(PowAuthErrorHandler errorHandler, FlashMapManager flashMapManager) {
		this.errorHandler = errorHandler;
		this.flashMapManager = flashMapManager;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		withFlash(request, this.flashMapManager);
		this.errorHandler.notAuthenticated(request, response);
	}

	// Spring Security answers before the DispatcherServlet has set up flash attributes.
	static void withFlash(HttpServletRequest request, FlashMapManager flashMapManager) {
		if (flashMapManager != null && request.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE) == null) {
			request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, new FlashMap());
			request.setAttribute(DispatcherServlet.FLASH_MAP_MANAGER_ATTRIBUTE, flashMapManager);
		}
	}

}
