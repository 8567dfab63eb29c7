package dev.powspring.security;

import java.io.IOException;

import dev.powspring.web.LocalPaths;
import dev.powspring.web.PowFlash;
import dev.powspring.web.PowMessages;
import dev.powspring.web.PowRoutes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Ends Spring Security's logout as Pow's sign-out ends: with the "signed out" notice, at
 * {@link PowRoutes#afterSignOutPath}.
 */
public class PowLogoutSuccessHandler implements LogoutSuccessHandler {

	private final PowRoutes routes;

	private final PowMessages messages;

	private final FlashMapManager flashMapManager;

	/**
	 * Create an instance.
	 * @param routes where users go
	 * @param messages the notice
	 * @param flashMapManager carries the notice, or {@code null}
	 */
	public PowLogoutSuccessHandler(PowRoutes routes, PowMessages messages, FlashMapManager flashMapManager) {
		this.routes = routes;
		this.messages = messages;
		this.flashMapManager = flashMapManager;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String location = request.getContextPath() + LocalPaths.safeOrRoot(this.routes.afterSignOutPath(request));
		PowAuthenticationEntryPoint.withFlash(request, this.flashMapManager);
		PowFlash.add(request, PowFlash.INFO, this.messages.signedOut(request));
		RequestContextUtils.saveOutputFlashMap(location, request, response);
		response.sendRedirect(location);
	}

}
