package dev.powspring.api;

import java.util.Map;

import dev.powspring.session.SignInMethod;
import dev.powspring.twofactor.TwoFactorPendingSignIns;
import dev.powspring.twofactor.TwoFactorSignInGuard;
import dev.powspring.user.PowUser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * An API sign-in that needs a second factor answers with the code
 * {@code two_factor_required} and a pending token, which
 * {@link ApiTwoFactorController} exchanges, with a code, for a token pair.
 */
class ApiTwoFactorRefusalDetails implements ApiSignInRefusalDetails {

	private final TwoFactorPendingSignIns pending;

	ApiTwoFactorRefusalDetails(TwoFactorPendingSignIns pending) {
		this.pending = pending;
	}

	@Override
	public Map<String, Object> details(HttpServletRequest request, PowUser user, String refusal) {
		if (TwoFactorSignInGuard.TWO_FACTOR_REQUIRED.equals(refusal)) {
			String token = this.pending.start(user.getId(), SignInMethod.API, false, false);
			return Map.of("code", refusal, "pending_token", token);
		}
		if (TwoFactorSignInGuard.ENROLMENT_REQUIRED.equals(refusal)) {
			// Setting a second factor up takes the web pages.
			return Map.of("code", refusal);
		}
		return Map.of();
	}

}
