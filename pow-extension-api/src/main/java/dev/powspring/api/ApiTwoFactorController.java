package dev.powspring.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.powspring.twofactor.TwoFactorChallenges;
import dev.powspring.twofactor.TwoFactorPendingSignIns;
import dev.powspring.throttle.TooManyAttempts;
import dev.powspring.web.PowController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The second step of an API sign-in: {@code POST /session/two-factor} with the
 * {@code pending_token} of the refused first step and a {@code code} (or a
 * {@code recovery_code}) answers with a token pair. A wrong code counts against the
 * pending token and the account's sign-in throttle.
 */
@PowController
@RestController
@RequestMapping("${pow.api.path:/api/v1}/session/two-factor")
public class ApiTwoFactorController extends ApiControllerSupport {

	private final TwoFactorPendingSignIns pending;

	private final TwoFactorChallenges challenges;

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param pending the pending half-sessions
	 * @param challenges checks the codes
	 */
	public ApiTwoFactorController(Collaborators collaborators, TwoFactorPendingSignIns pending,
			TwoFactorChallenges challenges) {
		super(collaborators);
		this.pending = pending;
		this.challenges = challenges;
	}

	/**
	 * Complete a sign-in with a code.
	 */
	@PostMapping
	public ResponseEntity<Map<String, Object>> create(HttpServletRequest request, HttpServletResponse response) {
		Map<String, String> fields = fields(request);
		String code = StringUtils.hasText(fields.get("code")) ? fields.get("code") : fields.get("recovery_code");
		Optional<TwoFactorPendingSignIns.Found> found = this.pending.find(fields.get("pending_token"))
			.filter((candidate) -> !candidate.pending().enrolment());
		if (found.isEmpty()) {
			return error(HttpStatus.UNAUTHORIZED, message(request, "pow.api.messages.two-factor.invalid-pending-token"),
					Map.of("code", "invalid_pending_token"));
		}
		TwoFactorChallenges.Outcome outcome = this.challenges.check(request, response, found.get(), code);
		return switch (outcome.status()) {
			case THROTTLED -> error(HttpStatus.TOO_MANY_REQUESTS,
					TooManyAttempts.answer(messageSource(), request, response, outcome.retryAfter()), Map.of());
			case WRONG -> error(HttpStatus.UNAUTHORIZED, message(request, "pow.api.messages.two-factor.invalid-code"),
					Map.of("code", "invalid_code"));
			case ENDED -> error(HttpStatus.UNAUTHORIZED,
					message(request, "pow.api.messages.two-factor.invalid-pending-token"),
					Map.of("code", "invalid_pending_token"));
			case PASSED -> signIn(request, outcome.user(), found.get().pending().completedMethod());
		};
	}

	// A JSON object or form fields, at the top level: pending_token, code, recovery_code.
	private static Map<String, String> fields(HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (ApiUserParams.isJson(request)) {
			JsonNode body;
			try {
				body = JsonMapper.shared().readTree(request.getInputStream());
			}
			catch (JacksonException | IOException ex) {
				throw new MalformedApiRequestException("The body is not valid JSON");
			}
			if (body != null && !body.isNull() && !body.isObject()) {
				throw new MalformedApiRequestException("The body must be an object");
			}
			for (String name : new String[] { "pending_token", "code", "recovery_code" }) {
				JsonNode value = (body != null) ? body.get(name) : null;
				if (value != null && value.isContainer()) {
					throw new MalformedApiRequestException("\"" + name + "\" must be a single value");
				}
				if (value != null && !value.isNull()) {
					fields.put(name, value.asString());
				}
			}
		}
		else {
			for (String name : new String[] { "pending_token", "code", "recovery_code" }) {
				fields.put(name, request.getParameter(name));
			}
		}
		return fields;
	}

}
