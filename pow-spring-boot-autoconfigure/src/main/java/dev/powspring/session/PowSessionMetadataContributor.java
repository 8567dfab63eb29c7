package dev.powspring.session;

import java.util.Map;

import dev.powspring.user.PowUser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Adds the application's own entries to a session's metadata when a user signs in, as
 * Pow's {@code :pow_session_metadata} does: a tenant, a device name the client sent, a
 * coarse location. Declare beans of this type; each is asked, in order, after Pow has
 * written its own keys ({@link SessionMetadata}), and the entries stay with the session
 * across token rotations. Keep them small: they are stored with every session.
 */
@FunctionalInterface
public interface PowSessionMetadataContributor {

	/**
	 * Add entries for a sign-in.
	 * @param request the sign-in request
	 * @param user the user signing in
	 * @param metadata the metadata so far, to add to
	 */
	void contribute(HttpServletRequest request, PowUser user, Map<String, String> metadata);

}
