package dev.powspring.web.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.powspring.session.PowRequestAuthenticator;
import dev.powspring.web.LocalPaths;
import dev.powspring.web.PowFlash;
import dev.powspring.web.PowMessages;
import dev.powspring.web.PowRoutes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Pow's default answers: a browser is redirected (to sign in, or away from a page for
 * anonymous users) or shown the 403 error page; a client that asks for JSON and not HTML,
 * and an API client whose token decided its request, gets a JSON error with 401 or 403.
 */
public class DefaultPowAuthErrorHandler implements PowAuthErrorHandler {

	private final PowRoutes routes;

	private final PowMessages messages;

	private final MessageSource messageSource;

	public DefaultPowAuthErrorHandler(PowRoutes routes, PowMessages messages, MessageSource messageSource) {
		this.routes = routes;
		this.messages = messages;
		this.messageSource = messageSource;
	}

	@Override
	public void notAuthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (wantsJson(request)) {
			writeJson(request, response, HttpStatus.UNAUTHORIZED, "pow.messages.api.not-authenticated");
			return;
		}
		redirect(request, response, this.routes.userNotAuthenticatedPath(request),
				this.messages.userNotAuthenticated(request));
	}

	@Override
	public void alreadyAuthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (wantsJson(request)) {
			writeJson(request, response, HttpStatus.FORBIDDEN, "pow.messages.api.already-authenticated");
			return;
		}
		redirect(request, response, this.routes.userAlreadyAuthenticatedPath(request),
				this.messages.userAlreadyAuthenticated(request));
	}

	@Override
	public void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (wantsJson(request)) {
			writeJson(request, response, HttpStatus.FORBIDDEN, "pow.messages.api.forbidden");
			return;
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	private void redirect(HttpServletRequest request, HttpServletResponse response, String target, String error)
			throws IOException {
		String location = request.getContextPath() + LocalPaths.safeOrRoot(target);
		PowFlash.add(request, PowFlash.ERROR, error);
		RequestContextUtils.saveOutputFlashMap(location, request, response);
		response.sendRedirect(location);
	}

	private void writeJson(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws IOException {
		String message = this.messageSource.getMessage(code, null, RequestContextUtils.getLocale(request));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		// "code" is the shape of Pow's API guide; "status" that of Pow's other JSON errors.
		Map<String, Object> error = Map.of("status", status.value(), "code", status.value(), "message", message);
		response.getWriter().write(JsonMapper.shared().writeValueAsString(Map.of("error", error)));
	}

	private static boolean wantsJson(HttpServletRequest request) {
		if (PowRequestAuthenticator.decidedByCredentials(request)) {
			// An API client's request, decided by its token rather than a cookie.
			return true;
		}
		String accept = request.getHeader("Accept");
		if (!StringUtils.hasText(accept)) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			boolean json = types.stream()
				.anyMatch((type) -> !type.isWildcardType() && type.isCompatibleWith(MediaType.APPLICATION_JSON));
			boolean html = types.stream()
				.anyMatch((type) -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
			return json && !html;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
