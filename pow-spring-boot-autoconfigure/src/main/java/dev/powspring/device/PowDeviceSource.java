package dev.powspring.device;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One kind of signed-in device: the core lists browser sessions, the remember-me and API
 * extensions their tokens. Declare a bean of this type to add a kind.
 */
public interface PowDeviceSource {

	/**
	 * Return the kind of devices this source lists.
	 * @return the kind
	 */
	PowDeviceKind kind();

	/**
	 * List the user's live devices of this kind, one per sign-in.
	 * @param userId the user's primary key
	 * @return the devices, possibly empty (as when the store cannot find entries by user)
	 */
	List<PowDevice> list(Long userId);

	/**
	 * Return the fingerprint of the sign-in the request carries, of this kind.
	 * @param request the request
	 * @return the fingerprint, or empty when the request carries none of this kind
	 */
	Optional<String> currentFingerprint(HttpServletRequest request);

	/**
	 * End what this kind keeps for one sign-in; the device is signed out at its next
	 * request.
	 * @param userId the user's primary key
	 * @param fingerprint the sign-in's fingerprint
	 */
	void end(Long userId, String fingerprint);

}
